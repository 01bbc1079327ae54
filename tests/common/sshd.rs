//! A throw-away OpenSSH server on a free loopback port: its own host key, config, pid file and
//! log in a temporary folder, one fresh ed25519 client key in its authorized_keys, logging in as
//! the user running the test (root or not). Dropping it kills the server and every session.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct Sshd {
    pub port: u16,
    pub user: String,
    dir: tempfile::TempDir,
    server: Child,
}

impl Sshd {
    pub fn start() -> Sshd {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path();
        keygen(&path.join("host_key"));
        keygen(&path.join("client_key"));
        std::fs::copy(path.join("client_key.pub"), path.join("authorized_keys")).unwrap();
        if is_root() {
            // sshd started by root separates privileges and needs this empty folder (the
            // service manager makes it when sshd runs as a service).
            std::fs::create_dir_all("/run/sshd").unwrap();
        }
        let port = free_port();
        let config = path.join("sshd_config");
        std::fs::write(&config, config_text(path, port)).unwrap();
        let server = Command::new(sshd_program())
            .arg("-D")
            .arg("-f")
            .arg(&config)
            .arg("-E")
            .arg(path.join("sshd.log"))
            .spawn()
            .expect("sshd runs (.ci/run installs openssh-server)");
        let mut sshd = Sshd {
            port,
            user: current_user(),
            dir,
            server,
        };
        sshd.wait_until_listening();
        sshd
    }

    /// The `ssh` command line that logs in to this server with a terminal and runs `remote`.
    pub fn ssh_command(&self, remote: &str) -> String {
        format!(
            "ssh -tt -F /dev/null -p {port} -i {key} -o BatchMode=yes -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR {user}@127.0.0.1 '{remote}'",
            port = self.port,
            key = self.dir.path().join("client_key").display(),
            user = self.user,
        )
    }

    /// Drops every connection as a dead link would end it on the server: the sshd processes
    /// serving them are killed outright, so their terminals hang up. Returns how many died.
    pub fn drop_connections(&self) -> usize {
        let sessions = super::procs::descendants(self.server.id())
            .into_iter()
            .filter(|p| p.comm.starts_with("sshd"))
            .collect::<Vec<_>>();
        for process in &sessions {
            let _ = Command::new("kill")
                .args(["-KILL", &process.pid.to_string()])
                .status();
        }
        sessions.len()
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    fn wait_until_listening(&mut self) {
        let started = Instant::now();
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.server.try_wait() {
                panic!("sshd stopped ({status}):\n{}", self.log());
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "sshd is not listening on {}:\n{}",
                self.port,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.drop_connections();
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

fn config_text(dir: &Path, port: u16) -> String {
    let dir = dir.display();
    format!(
        "ListenAddress 127.0.0.1:{port}\n\
         HostKey {dir}/host_key\n\
         PidFile {dir}/sshd.pid\n\
         AuthorizedKeysFile {dir}/authorized_keys\n\
         UsePAM no\n\
         StrictModes no\n\
         PubkeyAuthentication yes\n\
         PasswordAuthentication no\n\
         KbdInteractiveAuthentication no\n\
         PermitRootLogin prohibit-password\n\
         PrintMotd no\n\
         PrintLastLog no\n"
    )
}

fn keygen(file: &Path) {
    let output = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "isms-test", "-f"])
        .arg(file)
        .output()
        .expect("ssh-keygen runs (.ci/run installs openssh-client)");
    assert!(
        output.status.success(),
        "ssh-keygen: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// sshd must be started by its absolute path; Debian puts it in /usr/sbin, which a plain user's
/// PATH may lack.
fn sshd_program() -> PathBuf {
    let debian = PathBuf::from("/usr/sbin/sshd");
    if debian.exists() {
        return debian;
    }
    let output = Command::new("sh")
        .args(["-c", "command -v sshd"])
        .output()
        .unwrap();
    PathBuf::from(String::from_utf8_lossy(&output.stdout).trim())
}

fn free_port() -> u16 {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    listener.local_addr().unwrap().port()
}

fn current_user() -> String {
    let output = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().next())
        == Some("0")
}
