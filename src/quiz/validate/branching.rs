//! Checks of a branching question: its nodes, choices and endings, and the paths through them.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::Checker;
use crate::quiz::findings::Place;
use crate::quiz::model::{BranchNode, Ending};

/// The most nodes a branching question may have; keeps path analysis shallow whatever the file says.
pub const MAX_BRANCH_NODES: usize = 200;

impl Checker<'_, '_, '_> {
    pub(super) fn branching(
        &mut self,
        place: Place<'_>,
        start: &str,
        nodes: &[BranchNode],
        endings: &[Ending],
    ) {
        let mut seen = HashMap::new();
        for node in nodes {
            let at = place.part("node", &node.id);
            self.id(at, "node", &node.id, &mut seen);
            self.text(at.field("text"), "text", &node.text);
            if node.choices.is_empty() {
                self.findings.error(
                    at.field("choices"),
                    "the node has no choices",
                    "add at least one choice; a path ends at an ending, not at a node",
                );
            }
        }
        for ending in endings {
            let at = place.part("ending", &ending.id);
            self.id(at, "ending", &ending.id, &mut seen);
            self.line(at.field("title"), "title", &ending.title);
            self.text(at.field("debrief"), "debrief", &ending.debrief);
        }
        let node_ids: HashMap<&str, &BranchNode> =
            nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let ending_ids: HashSet<&str> = endings.iter().map(|e| e.id.as_str()).collect();
        let mut links_ok = true;
        for choice in nodes.iter().flat_map(|n| &n.choices) {
            let at = place.part("choice", &choice.id);
            self.id(at, "choice", &choice.id, &mut seen);
            self.text(at.field("text"), "text", &choice.text);
            self.feedback(at, &choice.feedback);
            self.tags(at.field("tags"), &choice.tags);
            if !(choice.points.is_finite() && choice.points >= 0.0) {
                self.findings.error(
                    at.field("points"),
                    format!("`points` is {}; it must be 0 or more", choice.points),
                    "give worse choices 0 points rather than negative ones",
                );
            }
            let next = choice.next.as_str();
            if !node_ids.contains_key(next) && !ending_ids.contains(next) {
                links_ok = false;
                self.findings.error(
                    at.field("next"),
                    format!("leads to `{next}`, which is neither a node nor an ending"),
                    "name the id of a node or an ending of this question",
                );
            }
        }
        if endings.is_empty() {
            self.findings.error(
                place.field("endings"),
                "the question has no endings",
                "add at least one ending with a `title` and a `debrief`",
            );
        }
        if nodes.len() > MAX_BRANCH_NODES {
            self.findings.error(
                place.field("nodes"),
                format!(
                    "the question has {} nodes; at most {MAX_BRANCH_NODES} are allowed",
                    nodes.len()
                ),
                "split the scenario into several branching questions",
            );
            return;
        }
        if !node_ids.contains_key(start) {
            self.findings.error(
                place.field("start"),
                format!("`start` is `{start}`, which is not one of the nodes"),
                "name the id of the first node",
            );
            return;
        }
        if links_ok {
            self.graph(place, start, nodes, &node_ids, &ending_ids);
        }
    }

    /// Reachability, dead ends and cycles of a branching question whose ids all resolve.
    fn graph(
        &mut self,
        place: Place<'_>,
        start: &str,
        nodes: &[BranchNode],
        node_ids: &HashMap<&str, &BranchNode>,
        ending_ids: &HashSet<&str>,
    ) {
        let mut reached: HashSet<&str> = HashSet::from_iter([start]);
        let mut queue = vec![start];
        while let Some(id) = queue.pop() {
            for choice in node_ids.get(id).map_or(&[][..], |n| &n.choices[..]) {
                if reached.insert(choice.next.as_str()) {
                    queue.push(choice.next.as_str());
                }
            }
        }
        for node in nodes.iter().filter(|n| !reached.contains(n.id.as_str())) {
            self.findings.error(
                place.part("node", &node.id),
                "no choice leads to this node",
                "point a choice's `next` at it, or remove it",
            );
        }
        let mut unreached_endings: Vec<&str> = ending_ids
            .iter()
            .copied()
            .filter(|id| !reached.contains(id))
            .collect();
        unreached_endings.sort_unstable();
        for ending in unreached_endings {
            self.findings.error(
                place.part("ending", ending),
                "no choice leads to this ending",
                "point a choice's `next` at it, or remove it",
            );
        }
        let mut finishing: HashSet<&str> = ending_ids.clone();
        loop {
            let before = finishing.len();
            for node in nodes {
                if node
                    .choices
                    .iter()
                    .any(|c| finishing.contains(c.next.as_str()))
                {
                    finishing.insert(node.id.as_str());
                }
            }
            if finishing.len() == before {
                break;
            }
        }
        for node in nodes {
            if reached.contains(node.id.as_str()) && !finishing.contains(node.id.as_str()) {
                self.findings.error(
                    place.part("node", &node.id),
                    "no ending can be reached from this node",
                    "make at least one path from here lead to an ending",
                );
            }
        }
        if let Some(cycle) = find_cycle(start, node_ids) {
            self.findings.error(
                place.part("node", cycle[0]),
                format!("the choices lead in a circle: {}", cycle.join(" -> ")),
                "a branching question is a tree of decisions: every path must move on to an ending",
            );
        }
        let question_points: f64 = nodes
            .iter()
            .flat_map(|n| &n.choices)
            .map(|c| c.points)
            .sum();
        if question_points <= 0.0 {
            self.findings.error(
                place,
                "no choice earns points, so the question is worth nothing",
                "give the better choices `points`",
            );
        }
    }
}

/// A cycle of node ids reachable from `start`, if there is one.
fn find_cycle<'a>(
    start: &'a str,
    nodes: &HashMap<&'a str, &'a BranchNode>,
) -> Option<Vec<&'a str>> {
    fn visit<'a>(
        id: &'a str,
        nodes: &HashMap<&'a str, &'a BranchNode>,
        path: &mut Vec<&'a str>,
        done: &mut HashSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|p| *p == id) {
            let mut cycle = path[at..].to_vec();
            cycle.push(id);
            return Some(cycle);
        }
        let node = nodes.get(id)?;
        if done.contains(id) {
            return None;
        }
        path.push(id);
        for choice in &node.choices {
            if let Some(cycle) = visit(choice.next.as_str(), nodes, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(id);
        None
    }
    visit(start, nodes, &mut Vec::new(), &mut HashSet::new())
}
