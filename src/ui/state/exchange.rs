//! Files in and out: the work exported in any format, files of any importable format merged in,
//! and texts of one's own added from files, pasted text or drops. Reading a file in is a part of
//! its own ([`Importer`]), fetched when the first file comes.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::core::classroom::assignment::Layer;
use crate::core::classroom::hand_in;
use crate::core::classroom::{assignment, backup};
use crate::core::exchange::formats::{self, Corpus, Format};
use crate::core::exchange::import::{self, Destination, ImportError, Merged, NewDocument, Parsed, Report};
use crate::core::model::own_document::{self, DocumentRecord};
use crate::core::work::workspace::Workspace;
use crate::ui::browser;
use crate::ui::state::classroom::Classroom;
use crate::ui::state::parts::{Load, OtherFormats, SuggestionTools};
use crate::ui::state::saving::RECORD_PART;
use crate::ui::state::texts::Texts;
use crate::ui::state::view::{Message, Mode, View};
use crate::ui::state::work::Work;

/// The part holding other tools' formats, as the reader is told about it.
const OTHER_FORMATS: &str = "the part that writes and reads other tools’ formats";

/// The part that reads files in, as the reader is told about it.
const IMPORTER: &str = "the part that reads files in";

/// The part that draws and decides suggestions, as the reader is told about it.
const SUGGESTIONS: &str = "the part that shows suggestions";

#[derive(Clone, Copy)]
pub struct Exchange {
    work: Work,
    view: View,
    texts: Texts,
    classroom: Classroom,
    other_formats: Load<OtherFormats>,
    importer: Load<Importer>,
    suggestion_tools: Load<SuggestionTools>,
}

/// Reading one file in, done: what the part that reads files hands back.
pub type Reading = Pin<Box<dyn Future<Output = ()>>>;

/// A text a person brought: the name of its file (none when pasted), and the text or why it could
/// not be read.
pub type BroughtText = (Option<String>, Result<String, String>);

/// The part that reads files in: what it runs on a file's name and contents, and on texts brought
/// to be added.
#[derive(Clone, Copy)]
pub struct Importer {
    pub import: fn(Exchange, String, String) -> Reading,
    pub add_texts: fn(Exchange, Vec<BroughtText>) -> Reading,
}

impl Importer {
    /// The part as it holds itself: [`Exchange::merge_file`] and [`Exchange::keep_texts`].
    pub fn here() -> Importer {
        Importer {
            import: |exchange, file_name, contents| Box::pin(exchange.merge_file(file_name, contents)),
            add_texts: |exchange, items| Box::pin(exchange.keep_texts(items)),
        }
    }
}

impl Exchange {
    /// Reads `files` as UTF-8 text: files of a format read in as work (by their ending: work,
    /// assignments, hand-back comments, other tools' files) are imported, texts are added as
    /// documents.
    pub fn add_files(self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let mut items = Vec::new();
            for file in files {
                let (name, text) = (file.name(), browser::read_text(&file).await);
                match text {
                    Ok(contents) if import::takes_file(&name) => self.import(&name, &contents).await,
                    text => items.push((Some(name), text)),
                }
            }
            if !items.is_empty() {
                self.add_texts(items);
            }
        });
    }

    pub fn new(
        work: Work,
        view: View,
        texts: Texts,
        classroom: Classroom,
        other_formats: Load<OtherFormats>,
        importer: Load<Importer>,
        suggestion_tools: Load<SuggestionTools>,
    ) -> Exchange {
        Exchange { work, view, texts, classroom, other_formats, importer, suggestion_tools }
    }

    /// The part that draws and decides suggestions, fetched the first time; when it cannot be
    /// fetched, that is said (and nothing changes).
    pub async fn suggestion_tools(&self) -> Option<SuggestionTools> {
        (self.suggestion_tools)().await.map_err(|problem| self.view.say(Message::alert(problem.explain(SUGGESTIONS)))).ok()
    }

    /// How the part that draws suggestions is brought, for what paints them over an article.
    pub fn suggestion_loader(&self) -> Load<SuggestionTools> {
        self.suggestion_tools
    }

    /// Reads a file of any importable format and places what it brings on the documents here
    /// (Glossa JSON at once, other tools' formats with their part); `None` when that part could
    /// not be fetched, which is said.
    pub async fn read_placed(&self, contents: &str) -> Option<Result<Parsed, ImportError>> {
        let glossa_json = self.work.labels.with_untracked(|labels| formats::read_glossa_json(contents, labels));
        let file = match glossa_json {
            Some(file) => file,
            None => match (self.other_formats)().await {
                Ok(other) => (other.read)(contents, self.view.settings.with_untracked(|s| s.offsets)),
                Err(problem) => {
                    self.view.say(Message::alert(problem.explain(OTHER_FORMATS)));
                    return None;
                }
            },
        };
        let documents = self.work.documents();
        let now = browser::now();
        Some(file.and_then(|file| {
            self.work.labels.with_untracked(|labels| import::place(file, &Destination { documents: &documents, labels, now: &now }))
        }))
    }

    /// The work (of every document, or of document `only`) as `write` puts it, and how many
    /// annotations it holds; while curating, the gold.
    fn written(&self, only: Option<&str>, write: impl FnOnce(&Corpus, &str) -> Vec<u8>) -> (Vec<u8>, usize) {
        let mut documents = self.work.documents();
        documents.retain(|d| only.is_none_or(|id| d.id == id));
        let offsets = self.view.settings.with_untracked(|s| s.offsets);
        let layer = self.view.mode.with_untracked(Mode::layer);
        self.work.workspace.with_untracked(|workspace| {
            // While curating, what goes out is the gold, as if it were the work.
            let gold;
            let workspace = match layer {
                Layer::Gold => {
                    let mut by_document = BTreeMap::new();
                    // Inserted one by one: collecting would sort, and bring a sort into the first module.
                    for d in &documents {
                        by_document.insert(d.id.clone(), workspace.annotations(&layer.document_key(&d.id)).to_vec());
                    }
                    gold = Workspace { documents: by_document, added_documents: workspace.added_documents.clone(), ..Workspace::default() };
                    &gold
                }
                _ => workspace,
            };
            self.work.labels.with_untracked(|labels| {
                let count = documents.iter().map(|d| workspace.annotations(&d.id).len()).sum();
                let corpus = Corpus { documents: &documents, labels, workspace, offsets };
                (write(&corpus, &browser::now()), count)
            })
        })
    }

    /// Downloads the work (of every document, or of document `only`) in `format` and says so.
    /// Glossa JSON, the backup, is written at once; other tools' formats by their part, fetched
    /// the first time one is chosen.
    pub fn download(&self, format: Format, only: Option<String>) {
        if format == Format::GlossaJson {
            return self.offer(format, self.written(only.as_deref(), formats::write_glossa_json), None);
        }
        let exchange = *self;
        leptos::task::spawn_local(async move {
            match (exchange.other_formats)().await {
                Ok(other) => {
                    let mut overlapping = 0;
                    let written = exchange.written(only.as_deref(), |corpus, now| {
                        if format == Format::Doccano {
                            overlapping = (other.overlapping)(corpus);
                        }
                        (other.write)(format, corpus, now)
                    });
                    let warning = (overlapping > 0).then(|| format!(
                        " {overlapping} of its spans overlap others: doccano drops them on import, without a word, unless its project has “Allow overlapping entity” checked."
                    ));
                    exchange.offer(format, written, warning);
                }
                Err(problem) => exchange.view.say(Message::alert(problem.explain(OTHER_FORMATS))),
            }
        });
    }

    /// Offers the file for download and says what it holds, and `warning` about it.
    fn offer(&self, format: Format, (bytes, count): (Vec<u8>, usize), warning: Option<String>) {
        if self.view.offer_download(format.file_name(), format.mime(), &bytes, "The export") {
            let said = format!("Exported {count} annotations to {} ({}).", format.file_name(), format.name());
            self.view.say(Message::status(said + warning.as_deref().unwrap_or("")));
        }
    }

    /// The part that reads files in, fetched the first time; when it cannot be fetched, that is
    /// said (and nothing changes).
    async fn importer(&self) -> Option<Importer> {
        (self.importer)().await.map_err(|problem| self.view.say(Message::alert(problem.explain(IMPORTER)))).ok()
    }

    /// Reads a file into the work, with the part that reads files.
    pub async fn import(&self, file_name: &str, contents: &str) {
        if let Some(importer) = self.importer().await {
            (importer.import)(*self, file_name.to_owned(), contents.to_owned()).await;
        }
    }

    /// Merges a file of any importable format into the work; a file that is refused changes
    /// nothing. Documents the file brings are stored first: none is added without its text.
    /// Run by the part that reads files ([`Importer::here`]).
    async fn merge_file(self, file_name: String, contents: String) {
        let (file_name, contents) = (file_name.as_str(), contents.as_str());
        // Files of the classroom are recognised by their format and go there, once the part that
        // writes the classroom's record is here.
        let classroom_file =
            [assignment::FORMAT, hand_in::RETURN_FORMAT, backup::FORMAT].iter().any(|format| assignment::is_format(contents, format));
        if classroom_file {
            if let Err(problem) = self.classroom.bring_record_part().await {
                let text = format!("“{file_name}” was not opened: {}", problem.explain(RECORD_PART));
                return self.view.say(Message::alert(text));
            }
        }
        if assignment::is_format(contents, assignment::FORMAT) {
            return self.classroom.take(file_name, contents);
        }
        if assignment::is_format(contents, hand_in::RETURN_FORMAT) {
            return self.classroom.take_return(file_name, contents);
        }
        if assignment::is_format(contents, backup::FORMAT) {
            return self.restore(file_name, contents).await;
        }
        if assignment::is_format(contents, hand_in::WORK_FORMAT) {
            let text = format!("“{file_name}” is a student's hand-in: open the Teacher view and use Collect work.");
            return self.view.say(Message::alert(text));
        }
        let Some(parsed) = self.read_placed(contents).await else { return };
        let outcome = match parsed {
            Ok(parsed) => match self.texts.keep_all(&parsed.new_documents).await {
                Ok(()) => Ok(self.merge(file_name, parsed)),
                Err(problem) => {
                    let text = format!("Nothing was imported from “{file_name}”: the texts it brings could not be kept in this browser ({problem}). Your saved annotations are unchanged.");
                    self.view.say(Message::alert(text));
                    return;
                }
            },
            Err(error) => Err(error),
        };
        let Report { failed, summary, details } = import::report(file_name, &outcome);
        self.view.say(Message { alert: failed, text: summary, details });
    }

    /// Restores a backup: its texts kept first (no document is added without its text), then its
    /// work and classroom joined in as another tab's would be; a backup that cannot be read
    /// changes nothing.
    async fn restore(&self, file_name: &str, contents: &str) {
        let backup = match backup::read(contents) {
            Ok(backup) => backup,
            Err(problem) => {
                return self.view.say(Message::alert(format!("“{file_name}” could not be restored: {problem}. Nothing was changed.")))
            }
        };
        let new: Vec<NewDocument> = backup
            .state
            .workspace
            .added_documents
            .iter()
            .filter(|record| self.texts.added(&record.id).is_none())
            .filter_map(|record| {
                let text = backup.texts.iter().find(|t| t.id == record.id)?.text.clone();
                Some(NewDocument { record: record.clone(), text })
            })
            .collect();
        if let Err(problem) = self.texts.keep_all(&new).await {
            let text = format!(
                "“{file_name}” could not be restored: its texts could not be kept in this browser ({problem}). Nothing was changed."
            );
            return self.view.say(Message::alert(text));
        }
        self.work.restore(&backup.state.workspace, &backup.state.labels);
        self.classroom.join_in(&backup.record);
        let (made, taken) = (backup.record.teaching.len(), backup.record.taking.len());
        let collected: usize = backup.record.teaching.iter().map(|t| t.collected.len()).sum();
        let text = format!(
            "Restored “{file_name}”: the work, {} of your own texts, {made} assignments made ({collected} hand-ins) and {taken} taken, joined with what was here.",
            backup.state.workspace.added_documents.len()
        );
        self.view.say(Message::status(text));
    }

    fn merge(&self, file_name: &str, mut parsed: Parsed) -> Merged {
        let new_labels = std::mem::take(&mut parsed.new_labels);
        // Before the annotations that use them, so that every one renders with its label.
        self.work.adopt_labels(&new_labels);
        let mut merged = Merged::default();
        self.work.change(&format!("Import of “{file_name}”"), false, |workspace| {
            merged = import::merge(workspace, parsed);
            std::mem::take(&mut merged.changes)
        });
        merged.new_labels = new_labels;
        merged
    }

    /// Adds texts the person brought (pasted, opened or dropped), with the part that reads files.
    pub fn add_texts(&self, items: Vec<BroughtText>) {
        let exchange = *self;
        leptos::task::spawn_local(async move {
            if let Some(importer) = exchange.importer().await {
                (importer.add_texts)(exchange, items).await;
            }
        });
    }

    /// Adds texts the person brought: each is normalised, stored, and added as one step that undo
    /// takes back. A text that is here already is opened instead. Run by the part that reads files.
    async fn keep_texts(self, items: Vec<BroughtText>) {
        let mut added = Vec::new();
        let mut problems = Vec::new();
        for (file_name, raw) in items {
            let what = file_name.as_ref().map_or("The pasted text".to_owned(), |name| format!("“{name}”"));
            let raw = match raw {
                Ok(raw) => raw,
                Err(problem) => {
                    problems.push(format!("{what} was not added: {problem}."));
                    continue;
                }
            };
            let text = own_document::normalize(&raw).text;
            if text.trim().is_empty() {
                problems.push(format!("{what} was not added: it holds no text."));
                continue;
            }
            if let Some((id, title)) = self.work.with_digest(&own_document::sha256_hex(&text)) {
                problems.push(format!("{what} is already here, as “{title}”."));
                self.view.go_to(&id);
                continue;
            }
            let record = DocumentRecord::of(&text, None, file_name.as_deref(), &browser::now());
            if let Err(problem) = self.texts.keep(&record, &text).await {
                problems.push(format!("{what} could not be kept in this browser ({problem}), so it was not added."));
                continue;
            }
            added.push(record);
        }
        let Some(first) = added.first().map(|r| r.id.clone()) else {
            if !problems.is_empty() {
                self.view.say(Message::alert(problems.join(" ")));
            }
            return;
        };
        let titles: Vec<String> = added.iter().map(|r| format!("“{}”", r.title)).collect();
        let description = format!("Added {}", titles.join(", "));
        self.work.add_documents(&description, added);
        self.view.go_to(&first);
        let mut text = format!("{description}.");
        problems.iter().for_each(|p| text.push_str(&format!(" {p}")));
        self.view.say(Message::status(text));
    }
}
