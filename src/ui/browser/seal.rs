//! Sealing the answer key under a passphrase with the browser's Web Crypto: AES-GCM (256 bits)
//! under a key derived by PBKDF2-SHA-256 from the passphrase and a random salt. Nothing of the
//! passphrase is stored (a tab that opened the keys kept here holds the derived key, `KeyRing`,
//! in memory); a wrong one fails to open the key (GCM authenticates what it decrypts).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::classroom::assignment::{Sealed, NEW_KEY_ROUNDS};
use crate::core::model::id::{from_hex, hex};
use crate::ui::browser;

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or("this browser has no Web Crypto")?;
    Ok(crypto.subtle())
}

fn random(length: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0u8; length];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or("this browser has no Web Crypto")?;
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|e| browser::reason(&e))?;
    Ok(bytes)
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(|e| browser::reason(&e))?).await.map_err(|e| browser::reason(&e))
}

/// The AES-GCM key of `passphrase` and `salt`.
async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<web_sys::CryptoKey, String> {
    let subtle = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let base = settle(subtle.import_key_with_str("raw", &Uint8Array::from(passphrase.as_bytes()), "PBKDF2", false, &usages)).await?;
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = settle(subtle.derive_key_with_object_and_object(&params, &base.unchecked_into(), &aes, false, &usages)).await?;
    Ok(key.unchecked_into())
}

/// A passphrase's AES-GCM key, derived once: sealing again with it (a fresh IV each time) costs
/// nothing, where deriving costs the PBKDF2 rounds. Held in memory only.
pub struct KeyRing {
    key: web_sys::CryptoKey,
    salt: Vec<u8>,
    iterations: u32,
}

impl KeyRing {
    /// The key of `passphrase` under a new salt, at the rounds of a key locked now.
    pub async fn new(passphrase: &str) -> Result<KeyRing, String> {
        let salt = random(16)?;
        let key = derive(passphrase, &salt, NEW_KEY_ROUNDS).await?;
        Ok(KeyRing { key, salt, iterations: NEW_KEY_ROUNDS })
    }

    /// The key of `passphrase` for what `sealed` holds (its salt and rounds); whether it is the
    /// right one shows when it opens `sealed`.
    pub async fn of(passphrase: &str, sealed: &Sealed) -> Result<KeyRing, String> {
        let salt = from_hex(&sealed.salt)?;
        let key = derive(passphrase, &salt, sealed.iterations).await?;
        Ok(KeyRing { key, salt, iterations: sealed.iterations })
    }

    /// `plaintext` sealed under this key.
    pub async fn seal(&self, plaintext: &str) -> Result<Sealed, String> {
        let iv = random(12)?;
        let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(iv.as_slice()).into())]);
        let data = Uint8Array::from(plaintext.as_bytes());
        let sealed = settle(subtle()?.encrypt_with_object_and_buffer_source(&params, &self.key, &data)).await?;
        let ciphertext = Uint8Array::new(&sealed).to_vec();
        Ok(Sealed { salt: hex(&self.salt), iv: hex(&iv), iterations: self.iterations, ciphertext: hex(&ciphertext) })
    }

    /// What `sealed` holds, if it was sealed under this key.
    pub async fn open(&self, sealed: &Sealed) -> Result<String, String> {
        let (iv, ciphertext) = (from_hex(&sealed.iv)?, from_hex(&sealed.ciphertext)?);
        let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(iv.as_slice()).into())]);
        let data = Uint8Array::from(ciphertext.as_slice());
        let opened = subtle()?.decrypt_with_object_and_buffer_source(&params, &self.key, &data).map_err(|e| browser::reason(&e))?;
        let opened = JsFuture::from(opened).await.map_err(|_| "the passphrase is not the one the key was locked with".to_owned())?;
        String::from_utf8(Uint8Array::new(&opened).to_vec()).map_err(|_| "the key did not open to text".to_owned())
    }
}

/// `plaintext` sealed under `passphrase`.
pub async fn seal(passphrase: &str, plaintext: &str) -> Result<Sealed, String> {
    KeyRing::new(passphrase).await?.seal(plaintext).await
}

/// What `sealed` holds, if `passphrase` is the one it was sealed under.
pub async fn open(passphrase: &str, sealed: &Sealed) -> Result<String, String> {
    KeyRing::of(passphrase, sealed).await?.open(sealed).await
}
