//! What the live-session tests and the benchmark share: the y-websocket server (the one `.ci/run` started, or
//! one of a test's own that it can kill), participants, a cuttable connection, waiting for convergence.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use waymark::edit::Document;
use waymark::model::Map;
use waymark::sync::{Address, Presence, Session, SessionKind, State, Timing, random_room};

/// The server to use: the one `.ci/run` started (`WAYMARK_SYNC_SERVER=ws://127.0.0.1:PORT`), or else one this
/// test process starts once from `scripts/sync-server` (it needs node and npm) and that dies with the process.
pub fn server() -> String {
    match std::env::var("WAYMARK_SYNC_SERVER") {
        Ok(url) if !url.is_empty() => url,
        _ => shared_server().clone(),
    }
}

fn shared_server() -> &'static String {
    static SHARED: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        // Started from a thread that lives as long as the process, so that the kernel's parent-death signal
        // (set below) stops the server when the tests end, not when the first test's thread does.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let server = OwnServer::start_dying_with_process();
            let _ = tx.send(server.url());
            let _keep = server;
            loop {
                std::thread::park();
            }
        });
        rx.recv().unwrap_or_else(|_| {
            panic!(
                "\n\nThe live-session tests need the y-websocket server and could not start it.\n\
                 Install node and npm (Debian: apt-get install nodejs npm), or start it yourself:\n\
                 scripts/sync-server   then   WAYMARK_SYNC_SERVER=ws://127.0.0.1:1234 cargo test\n\n"
            )
        })
    })
}

pub fn new_room(server: &str) -> Address {
    Address::new(server, &random_room().expect("random")).expect("address")
}

/// A server of the test's own (to kill and restart), from the package `scripts/sync-server` installs.
pub struct OwnServer {
    pub port: u16,
    rooms: tempfile::TempDir,
    child: Option<Child>,
    /// Whether the server is killed by the kernel when the thread that started it ends.
    dies_with_parent: bool,
}

impl OwnServer {
    pub fn start() -> OwnServer {
        OwnServer::start_with(false)
    }

    fn start_dying_with_process() -> OwnServer {
        OwnServer::start_with(true)
    }

    fn start_with(dies_with_parent: bool) -> OwnServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut server = OwnServer {
            port,
            rooms: tempfile::tempdir().expect("temp dir"),
            child: None,
            dies_with_parent,
        };
        server.restart();
        server
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    pub fn restart(&mut self) {
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/sync-server");
        let mut command = Command::new(&script);
        #[cfg(target_os = "linux")]
        if self.dies_with_parent {
            use std::os::unix::process::CommandExt;
            // SAFETY: prctl is async-signal-safe and touches nothing of this process's memory.
            unsafe {
                command.pre_exec(|| {
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    Ok(())
                });
            }
        }
        let child = command
            .env("PORT", self.port.to_string())
            .env("HOST", "127.0.0.1")
            .env("ROOMS", self.rooms.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start {} ({e}); run `scripts/sync-server install` first",
                    script.display()
                )
            });
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "the y-websocket server did not start; run `scripts/sync-server install` (needs node and npm)"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the server at once (no chance to write anything more).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for OwnServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A TCP relay in front of the server whose connections can be cut and refused, as when a laptop's network
/// drops.
pub struct Relay {
    pub port: u16,
    open: Arc<AtomicBool>,
    streams: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    pub fn start(server_port: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let open = Arc::new(AtomicBool::new(true));
        let streams = Arc::new(Mutex::new(Vec::new()));
        let (open2, streams2) = (open.clone(), streams.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !open2.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(upstream) = TcpStream::connect(("127.0.0.1", server_port)) else {
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = upstream.set_nodelay(true);
                let mut list = streams2.lock().expect("lock");
                for (from, to) in [(&client, &upstream), (&upstream, &client)] {
                    let (Ok(mut from), Ok(mut to)) = (from.try_clone(), to.try_clone()) else {
                        continue;
                    };
                    std::thread::spawn(move || {
                        let mut buffer = [0u8; 65536];
                        while let Ok(n) = from.read(&mut buffer) {
                            if n == 0 || to.write_all(&buffer[..n]).is_err() {
                                break;
                            }
                        }
                        let _ = to.shutdown(Shutdown::Both);
                    });
                }
                list.push(client);
                list.push(upstream);
            }
        });
        Relay {
            port,
            open,
            streams,
        }
    }

    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// Cuts every connection and refuses new ones.
    pub fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        for stream in self.streams.lock().expect("lock").drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    pub fn restore(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

/// One participant: an editor's document with its session.
pub struct Participant {
    pub doc: Document,
    pub session: Session,
}

pub fn presence(name: &str) -> Presence {
    Presence {
        name: name.to_owned(),
        color: [0x20, 0x80, 0xc0],
        ..Presence::default()
    }
}

impl Participant {
    /// Shares `map` into the room and waits until it is there.
    pub fn share(address: &Address, map: Map, name: &str) -> Participant {
        Participant::share_with(address, map, name, Timing::default())
    }

    /// [`Participant::share`] with other heartbeat and timeout periods.
    pub fn share_with(address: &Address, map: Map, name: &str, timing: Timing) -> Participant {
        let session = Session::start_with(
            address.clone(),
            SessionKind::Share(Box::new(map.clone())),
            presence(name),
            timing,
        )
        .expect("session");
        let mut p = Participant {
            doc: Document::new(map),
            session,
        };
        p.wait_started();
        p
    }

    /// Joins the room and waits for its map.
    pub fn join(address: &Address, name: &str) -> Participant {
        Participant::join_with(address, name, Timing::default())
    }

    /// [`Participant::join`] with other heartbeat and timeout periods.
    pub fn join_with(address: &Address, name: &str, timing: Timing) -> Participant {
        let session =
            Session::start_with(address.clone(), SessionKind::Join, presence(name), timing)
                .expect("session");
        let mut p = Participant {
            doc: Document::new(Map::with_stages("", &[], false)),
            session,
        };
        p.wait_started();
        p
    }

    pub fn poll(&mut self) {
        self.session.poll(&mut self.doc);
    }

    fn wait_started(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.session.started() {
            self.poll();
            if let State::Failed(error) = self.session.state() {
                panic!("the session failed: {error}");
            }
            assert!(
                Instant::now() < deadline,
                "never started: {:?}",
                self.session.state()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn map(&self) -> &Map {
        self.doc.map()
    }
}

/// The map without this participant's id counter (each hands out ids from its own block).
pub fn content(map: &Map) -> Map {
    let mut map = map.clone();
    map.next_id = 0;
    map
}

/// Polls everyone until `done` holds; panics with what each has after a generous minute (a convergence
/// failure, not a speed check).
pub fn wait_for(
    people: &mut [&mut Participant],
    what: &str,
    done: impl Fn(&[&mut Participant]) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        for p in people.iter_mut() {
            p.poll();
        }
        if done(people) {
            return;
        }
        if Instant::now() > deadline {
            let states: Vec<String> = people
                .iter()
                .map(|p| format!("{:?}: {} cards", p.session.state(), p.map().cards.len()))
                .collect();
            panic!("{what}: not reached; {states:#?}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Whether everyone has the same map.
pub fn converged(people: &[&mut Participant]) -> bool {
    let first = content(people[0].map());
    people.iter().all(|p| content(p.map()) == first)
}

/// A hostile participant writes straight into the room.
pub fn hostile_write(address: &Address, change: impl FnOnce(&mut yrs::TransactionMut)) {
    let doc = yrs::Doc::new();
    let update = {
        let mut txn = yrs::Transact::transact_mut(&doc);
        change(&mut txn);
        txn.encode_update_v1()
    };
    let url = address.url();
    let (mut socket, _) = tungstenite::connect(url.as_str()).expect("connects");
    let message = yrs::updates::encoder::Encode::encode_v1(&yrs::sync::Message::Sync(
        yrs::sync::SyncMessage::Update(update),
    ));
    socket
        .send(tungstenite::Message::binary(message))
        .expect("sends");
    socket.close(None).ok();
    while socket.read().is_ok() {}
}
