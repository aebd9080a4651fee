//! Files from and for other people: the rules every read and write of a user's file follows.

pub mod write;
