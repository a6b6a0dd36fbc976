//! Facts of the host a plan is saved on: this machine's and user's names, whether a process has
//! ended, and the folder a file is in.

use std::path::{Path, PathBuf};

/// This machine's name.
pub fn machine_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "this computer".into())
}

/// The signed-in user's name.
pub fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "someone".into())
}

/// Whether a process on this machine has certainly ended. Where that cannot be told (no
/// `/proc`), it is assumed to be running and only a lock's age makes it stale.
#[cfg(not(windows))]
pub fn process_is_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists()
}

/// Whether a process on this machine has certainly ended: Windows has no `/proc`, so the process
/// is asked for by its id. No process with that id is gone; one that has exited but is still held
/// open by another program is gone too. One that cannot be asked (another user's, on a shared
/// terminal server) is running.
#[cfg(windows)]
#[allow(unsafe_code)] // The one call into the operating system the core makes itself.
pub fn process_is_gone(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{
        CloseHandle, GetLastError, ERROR_INVALID_PARAMETER, STILL_ACTIVE,
    };
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: OpenProcess takes plain values and returns a handle or null; the handle is only
    // passed to GetExitCodeProcess, with a pointer to a local, and closed once, here.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            return GetLastError() == ERROR_INVALID_PARAMETER;
        }
        let mut code = 0u32;
        let asked = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        asked != 0 && code != STILL_ACTIVE as u32
    }
}

/// The folder a path is in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}
