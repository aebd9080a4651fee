//! The YAML machinery rungs reads and writes its YAML files through: a positioned tree
//! ([`tree`], bounded), how unquoted scalars resolve ([`scalar`]), places and paths
//! ([`locate`]), the reader a format's declaration drives ([`reader`]) and the hand-written
//! style of the files rungs writes ([`mod@write`]). Framework files and answers files both
//! use it.

pub mod locate;
pub mod reader;
pub mod scalar;
pub mod tree;
pub mod write;
