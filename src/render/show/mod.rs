//! `rungs show`: a framework as a document, a file per format.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
