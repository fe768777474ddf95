//! Helpers shared by the runnable examples of zhurnal.
