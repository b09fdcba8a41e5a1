#[cfg(target_arch = "wasm32")]
fn main() {
    glossa::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Glossa runs in the browser: build and serve it with the README's serve command.");
    std::process::exit(2);
}
