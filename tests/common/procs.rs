//! The machine's processes as /proc lists them: id, parent, name and command line, to find the
//! ones a test started (and only those) by their ancestry or their arguments.

pub struct Process {
    pub pid: u32,
    pub ppid: u32,
    pub comm: String,
    /// The arguments joined by spaces.
    pub cmdline: String,
}

pub fn all() -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(read)
        .collect()
}

/// Children, grandchildren and so on of `pid`.
pub fn descendants(pid: u32) -> Vec<Process> {
    let mut all = all();
    let mut found: Vec<Process> = Vec::new();
    let mut parents = vec![pid];
    while let Some(parent) = parents.pop() {
        let (children, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|p| p.ppid == parent);
        all = rest;
        parents.extend(children.iter().map(|p| p.pid));
        found.extend(children);
    }
    found
}

/// The processes whose command line contains `text`, other than this one.
pub fn with_argument(text: &str) -> Vec<Process> {
    all()
        .into_iter()
        .filter(|p| p.pid != std::process::id() && p.cmdline.contains(text))
        .collect()
}

fn read(pid: u32) -> Option<Process> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat[open + 1..close].to_string();
    let ppid = stat[close + 1..].split_whitespace().nth(1)?.parse().ok()?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    let cmdline = String::from_utf8_lossy(&cmdline)
        .split('\0')
        .filter(|a| !a.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Process {
        pid,
        ppid,
        comm,
        cmdline,
    })
}
