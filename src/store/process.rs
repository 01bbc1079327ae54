//! Facts about this process that the benchmark reports, read from `/proc` on Linux.

/// The peak resident memory of this process in KiB (`VmHWM`), where the system tells it.
pub fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
