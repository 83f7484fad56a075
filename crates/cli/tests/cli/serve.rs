//! `vigil token` and `vigil serve`: a token is printed once and listed by name; the server
//! starts on the demo store and answers over HTTP until it is stopped.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;

use super::support::Sandbox;

#[test]
fn tokens_are_printed_once_and_listed_by_name() {
    let sandbox = Sandbox::new();
    let made = sandbox.run(&[&"token", &"create", &"ci", &"--role", &"analyst"]).success();
    let token = made.stdout.trim();
    assert!(token.starts_with("vigil_") && token.len() > 60, "{token}");
    let listed = sandbox.json(&[&"token", &"list"]);
    assert_eq!(listed[0]["name"], "ci", "{listed:#}");
    assert_eq!(listed[0]["role"], "analyst", "{listed:#}");
    assert!(!listed.to_string().contains(token), "the token itself is not kept");
    let again = sandbox.run(&[&"token", &"create", &"ci", &"--role", &"viewer"]);
    assert_eq!(again.code, Some(1), "{}", again.stderr);
}

#[test]
fn serve_answers_on_loopback() {
    let sandbox = Sandbox::with_demo();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(["--db"])
        .arg(sandbox.db())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    // "vigil: serving DB on http://127.0.0.1:PORT/ (Ctrl-C stops)"
    let address = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .write_all(
            b"GET /api/incidents?limit=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("\"next\":\"/api/incidents?limit=1&offset=1\""), "{response}");
}
