//! The texts of the documents a person added, kept in IndexedDB by document id. Local storage
//! holds a few megabytes for everything; IndexedDB holds as much as the disk allows, so a long
//! document never fails to be kept for want of room. Their records stay with the work.

use crate::ui::browser;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "glossa";
const STORE: &str = "texts";
const VERSION: u32 = 1;

/// Keeps `text` as the text of document `id`; done when the browser has committed it.
pub async fn put(id: &str, text: &str) -> Result<(), String> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| browser::reason(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::reason(&e))?;
    store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(id)).map_err(|e| browser::reason(&e))?;
    let done = committed(&transaction).await;
    database.close();
    done
}

/// The texts kept for `ids`, each `None` when there is none.
pub async fn get(ids: &[String]) -> Result<Vec<Option<String>>, String> {
    let database = open().await?;
    let transaction = database.transaction_with_str(STORE).map_err(|e| browser::reason(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::reason(&e))?;
    let mut texts = Vec::with_capacity(ids.len());
    for id in ids {
        let request = store.get(&JsValue::from_str(id)).map_err(|e| browser::reason(&e))?;
        texts.push(browser::utf8_of(&settled(&request).await?));
    }
    database.close();
    Ok(texts)
}

/// Forgets every text but those of `keep` (documents in the work or in its undo history).
pub async fn keep_only(keep: &[String]) -> Result<(), String> {
    let database = open().await?;
    let transaction = database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| browser::reason(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::reason(&e))?;
    let keys = settled(&store.get_all_keys().map_err(|e| browser::reason(&e))?).await?;
    for key in js_sys::Array::from(&keys).iter() {
        if key.as_string().is_some_and(|id| !keep.contains(&id)) {
            store.delete(&key).map_err(|e| browser::reason(&e))?;
        }
    }
    let done = committed(&transaction).await;
    database.close();
    done
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or("this browser does not let Glossa use IndexedDB")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).map_err(|e| browser::reason(&e))?;
    let upgrade = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let database = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
        if let Some(database) = database {
            let _ = database.unchecked_into::<IdbDatabase>().create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = settled(&request).await;
    // The handler goes with its closure, whether or not an upgrade was needed.
    request.set_onupgradeneeded(None);
    drop(upgrade);
    Ok(opened?.unchecked_into())
}

/// The result of `request`, once it has one. Its handlers are removed and their closures freed
/// when it settles, the one that did not run too.
async fn settled(request: &IdbRequest) -> Result<JsValue, String> {
    let mut handlers = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let result = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
            let _ = resolve.call1(&JsValue::NULL, &result.unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let error = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().error().ok().flatten());
            let _ = reject.call1(&JsValue::NULL, &error.map_or(JsValue::UNDEFINED, JsValue::from));
        });
        request.set_onsuccess(Some(on_success.as_ref().unchecked_ref()));
        request.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_success, on_error));
    });
    let result = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    result.map_err(|e| browser::reason(&e))
}

/// Done when `transaction` has committed; an error or abort (a full disk) is the failure. Its
/// handlers are removed and their closures freed then.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let mut handlers = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::<dyn FnMut()>::new(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_failure = Closure::<dyn FnMut()>::new(move || {
            let _ = reject.call1(&JsValue::NULL, &failed.error().map_or(JsValue::UNDEFINED, JsValue::from));
        });
        transaction.set_oncomplete(Some(on_complete.as_ref().unchecked_ref()));
        transaction.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
        transaction.set_onabort(Some(on_failure.as_ref().unchecked_ref()));
        handlers = Some((on_complete, on_failure));
    });
    let result = JsFuture::from(promise).await;
    transaction.set_oncomplete(None);
    transaction.set_onerror(None);
    transaction.set_onabort(None);
    drop(handlers);
    result.map(|_| ()).map_err(|e| browser::reason(&e))
}
