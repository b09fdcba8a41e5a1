//! Everything around the article: the masthead with its toolbar, menus, label editor and
//! settings; messages; the shortcut list; the list of articles; the list of annotations and
//! their links and sources; the claims board (with the coverage of the articles); the search of every document; the suggestions waiting for a decision; and the frame a part fetched when first used is drawn in.

pub mod on_demand;
pub mod link;
pub mod label_editor;
pub mod preferences;
pub mod toolbar;
pub mod masthead;
pub mod status;
pub mod help;
pub mod nav;
pub mod annotation_list;
pub mod source;
pub mod board;
pub mod search;
pub mod suggestions;
