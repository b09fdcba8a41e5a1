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
    let transaction =
        database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| browser::describe_error(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::describe_error(&e))?;
    store.put_with_key(&JsValue::from_str(text), &JsValue::from_str(id)).map_err(|e| browser::describe_error(&e))?;
    let done = committed(&transaction).await;
    database.close();
    done
}

/// The texts kept for `ids`, each `None` when there is none.
pub async fn get(ids: &[String]) -> Result<Vec<Option<String>>, String> {
    let database = open().await?;
    let transaction = database.transaction_with_str(STORE).map_err(|e| browser::describe_error(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::describe_error(&e))?;
    let mut texts = Vec::with_capacity(ids.len());
    for id in ids {
        let request = store.get(&JsValue::from_str(id)).map_err(|e| browser::describe_error(&e))?;
        texts.push(settled(&request).await?.as_string());
    }
    database.close();
    Ok(texts)
}

/// Forgets every text but those of `keep` (documents in the work or in its undo history).
pub async fn keep_only(keep: &[String]) -> Result<(), String> {
    let database = open().await?;
    let transaction =
        database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(|e| browser::describe_error(&e))?;
    let store = transaction.object_store(STORE).map_err(|e| browser::describe_error(&e))?;
    let keys = settled(&store.get_all_keys().map_err(|e| browser::describe_error(&e))?).await?;
    for key in js_sys::Array::from(&keys).iter() {
        if key.as_string().is_some_and(|id| !keep.contains(&id)) {
            store.delete(&key).map_err(|e| browser::describe_error(&e))?;
        }
    }
    let done = committed(&transaction).await;
    database.close();
    done
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or("this browser does not let Glossa use IndexedDB")?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, VERSION).map_err(|e| browser::describe_error(&e))?;
    let upgrade = Closure::once_into_js(move |event: Event| {
        let database = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
        if let Some(database) = database {
            let _ = database.unchecked_into::<IdbDatabase>().create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    Ok(settled(&request).await?.unchecked_into())
}

/// The result of `request`, once it has one.
async fn settled(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move |event: Event| {
            let result = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().result().ok());
            let _ = resolve.call1(&JsValue::NULL, &result.unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move |event: Event| {
            let error = event.target().and_then(|t| t.unchecked_into::<IdbRequest>().error().ok().flatten());
            let _ = reject.call1(&JsValue::NULL, &error.map_or(JsValue::UNDEFINED, JsValue::from));
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| browser::describe_error(&e))
}

/// Done when `transaction` has committed; an error or abort (a full disk) is the failure.
async fn committed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_failure = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &failed.error().map_or(JsValue::UNDEFINED, JsValue::from));
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_failure.unchecked_ref()));
        transaction.set_onabort(Some(on_failure.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| browser::describe_error(&e))
}
