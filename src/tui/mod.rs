//! The trainee app: an Elm-style layer over the attempt core. [`app`] holds the state and the pure `update`;
//! [`screens`] draws it; [`run`] owns the terminal, the clocks and the record store, and carries out effects.

pub mod app;
pub mod blocker;
pub mod dashboard;
pub mod footer;
pub mod keyboard;
pub mod keymap;
pub mod layout;
pub mod room;
pub mod run;
pub mod screens;
pub mod state;
pub mod symbols;
pub mod terminal;
pub mod theme;
