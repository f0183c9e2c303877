"""tools/pktgen on its own: against a fake guest on 127.0.0.1, no QEMU
(except the last test, which only checks QEMU takes the socket netdev).

The fake guest (fakeguest.py) has its own checksum code, so frames that
pass its checks were built right, and replies it builds check pktgen's
parser.  Timings are printed by pktgen, never asserted.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import time

import pytest

from fakeguest import FakeGuest, inet_checksum, udp_checksum
from harness import PKTGEN, REPO_ROOT, run_pktgen
from qemu import Qemu


@pytest.fixture(scope="module", autouse=True)
def pktgen_built():
    res = subprocess.run(["make", "-s", "pktgen"], cwd=REPO_ROOT, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    assert PKTGEN.is_file()


def numbers(stdout: str) -> list[float]:
    """The final line of numbers."""
    return [float(x) for x in stdout.strip().splitlines()[-1].split()]


# ---- arguments ---------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    ([], "no mode given"),
    (["pong"], "unknown mode"),
    (["ping", "--qemu-port", "5000", "--listen", "5001"], "needs --count"),
    (["ping", "--count", "ten", "--qemu-port", "5000", "--listen", "5001"], "not a number"),
    (["ping", "--count", "0", "--qemu-port", "5000", "--listen", "5001"], "out of range"),
    (["ping", "--count", "1", "--listen", "5001"], "needs --qemu-port"),
    (["ping", "--count", "1", "--qemu-port", "5000"], "needs --listen"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5000"], "must differ"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5001",
      "--qemu-addr", "10.0.2.2"], "refused"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5001",
      "--listen-addr", "0.0.0.0"], "refused"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5001",
      "--guest-ip", "10.0.2"], "not an IPv4 address"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5001",
      "--host-mac", "52:55:0a"], "not a MAC address"),
    (["ping", "--count", "1", "--qemu-port", "70000", "--listen", "5001"], "out of range"),
    (["ping", "--count", "1", "--qemu-port", "5000", "--listen", "5001", "--bogus", "1"],
     "unknown option"),
    (["ping", "--count"], "needs a value"),
    (["flood", "--duration", "1", "--qemu-port", "5000", "--listen", "5001"], "needs --rate"),
    (["flood", "--rate", "100", "--qemu-port", "5000", "--listen", "5001"], "needs --duration"),
    (["flood", "--rate", "100", "--duration", "1", "--burst", "0", "--qemu-port", "5000",
      "--listen", "5001"], "out of range"),
    (["udpping", "--count", "1", "--linger", "-1", "--qemu-port", "5000", "--listen", "5001"],
     "out of range"),
    (["fuzz", "--seed", "1", "--dry-run"], "needs --count"),
    (["udpping", "--count", "1", "--size", "4", "--qemu-port", "5000", "--listen", "5001"],
     "at least 8"),
])
def test_bad_arguments_exit_2_with_usage(args, message):
    res = run_pktgen(args, timeout=10)
    assert res.returncode == 2, res
    assert message in res.stderr
    assert "usage: pktgen MODE" in res.stderr
    assert res.stdout == ""


def test_help_exits_0():
    res = run_pktgen(["--help"], timeout=10)
    assert res.returncode == 0 and "usage: pktgen MODE" in res.stdout


# ---- checksums -----------------------------------------------------------------

def test_selftest_known_vectors():
    """pktgen's checksum code against RFC 1071's example and fixed vectors."""
    res = run_pktgen(["selftest"], timeout=10)
    assert res.returncode == 0, res.stdout
    assert "FAIL" not in res.stdout and res.stdout.strip().endswith("PASS: 0 failures")


def test_python_checksum_vectors():
    """The fake guest's own checksum code on the same vectors."""
    assert inet_checksum(bytes.fromhex("0001f203f4f5f6f7")) == 0x220D
    hdr = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")
    assert inet_checksum(hdr) == 0xB861
    udp = struct.pack("!HHHH", 1234, 7, 12, 0) + b"ping"
    assert udp_checksum(bytes([10, 0, 2, 2]), bytes([10, 0, 2, 15]), udp) == 0x041C


# ---- ping and udpping ------------------------------------------------------------

@pytest.mark.parametrize("mode", ["ping", "udpping"])
def test_ping_against_fake_guest(mode):
    with FakeGuest() as g:
        res = run_pktgen([mode, "--count", "50", "--size", "100", *g.args()], timeout=30)
    print(res.stdout)
    assert res.returncode == 0, res.stderr
    assert not g.errors, g.errors
    sent, received, lost, bad, p50, p90, p99, mx = numbers(res.stdout)
    assert (sent, received, lost, bad) == (50, 50, 0, 0)
    assert 0 < p50 <= p90 <= p99 <= mx
    assert g.stats.arp_requests >= 1
    assert (g.stats.icmp_echo if mode == "ping" else g.stats.udp_echo) == 50
    assert g.stats.bad_checksums == 0
    assert "p50" in res.stdout and "statistics" in res.stdout


def test_ping_json_and_losses():
    with FakeGuest(drop_every=5) as g:
        res = run_pktgen(["udpping", "--count", "20", "--timeout", "200", "--json", *g.args()],
                         timeout=30)
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip().splitlines()) == 1
    out = json.loads(res.stdout)
    print(out)
    assert out["mode"] == "udpping" and out["guest_mac"] == "52:54:00:12:34:56"
    assert (out["sent"], out["received"], out["lost"], out["bad"]) == (20, 16, 4, 0)
    assert out["loss_pct"] == 20.0
    assert set(out["rtt_us"]) == {"min", "avg", "p50", "p90", "p99", "max"}


@pytest.mark.parametrize("mode", ["ping", "udpping"])
def test_ping_counts_wrong_payload_as_bad(mode):
    with FakeGuest(corrupt=True) as g:
        res = run_pktgen([mode, "--count", "5", "--timeout", "300", *g.args()], timeout=30)
    sent, received, lost, bad = numbers(res.stdout)[:4]
    assert (sent, received, lost, bad) == (5, 0, 0, 5)
    assert res.returncode == 1  # no good reply at all


def test_arp_timeout():
    with FakeGuest(answer_arp=False) as g:
        t = time.monotonic()
        res = run_pktgen(["ping", "--count", "1", "--arp-timeout", "600", *g.args()],
                         timeout=30)
        took = time.monotonic() - t
    assert res.returncode == 1
    assert "no ARP reply from 10.0.2.15 within 600 ms" in res.stderr
    assert g.stats.arp_requests >= 2  # retried
    print(f"gave up after {took:.2f} s")


def test_guest_mac_option_skips_arp():
    with FakeGuest() as g:
        res = run_pktgen(["ping", "--count", "3", "--guest-mac", "52:54:00:12:34:56",
                          *g.args()], timeout=30)
    assert res.returncode == 0, res.stderr
    assert g.stats.arp_requests == 0 and g.stats.icmp_echo == 3


def test_pktgen_answers_guest_arp_and_ping():
    """The host side answers the guest's who-has 10.0.2.2 and its pings."""
    with FakeGuest() as g:
        p = subprocess.Popen([str(PKTGEN), "ping", "--count", "30", "--interval", "20",
                              "--host-mac", "52:55:0a:00:02:02", *g.args()],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            time.sleep(0.2)
            g.ask_host_mac()
            g.ping_host()
            out, err = p.communicate(timeout=30)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert p.returncode == 0, err
    assert g.stats.arp_replies == 1
    assert g.stats.arp_reply_macs == ["52:55:0a:00:02:02"]
    assert g.stats.icmp_replies_from_host == 1
    assert not g.errors, g.errors


# ---- flood -----------------------------------------------------------------------

@pytest.mark.parametrize("drop_every", [0, 10])
def test_flood_accounting(drop_every):
    with FakeGuest(drop_every=drop_every) as g:
        res = run_pktgen(["flood", "--rate", "2000", "--duration", "1", "--size", "200",
                          "--drain", "500", "--json", *g.args()], timeout=30)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    print(out)
    assert not g.errors, g.errors
    # A starved sender stops at the end of the duration, short of offered.
    assert out["offered"] == 2000 and 0 < out["sent"] <= 2000, out
    assert out["bad"] == 0 and out["dup"] == 0
    assert out["echoed"] + out["lost"] == out["sent"]
    # A loaded host may drop at either socket, but says how many: what the
    # fake guest got is what pktgen sent less the host's drops, and what it
    # echoed is what pktgen counted plus the drops at pktgen's socket.
    assert out["frames_sent"] - out["send_errors"] == \
        out["host_dropped"] + g.stats.frames, (out, g.stats)
    assert g.stats.echoed == out["echoed"] + out["host_dropped_from_guest"]
    assert g.stats.echoed == g.stats.udp_echo - g.stats.dropped
    assert out["lost_guest"] == g.stats.dropped, (out, g.stats)


def test_flood_reports_host_drops_apart():
    """A guest that stops reading (QEMU with the e1000's ring full) makes
    the host kernel drop at its socket, which pktgen's sendto never sees.
    pktgen reads that socket's `drops` in /proc/net/udp before and after,
    so every frame it sent is accounted for: sent = refused + dropped by
    the host + received by the guest, exactly; and the flood's loss is
    split into host and guest drops."""
    with FakeGuest(rcvbuf=4096, stall=0.5) as g:
        res = run_pktgen(["flood", "--rate", "2000", "--duration", "1", "--size", "200",
                          "--drain", "500", "--json", *g.args()], timeout=30)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    print(out, g.stats)
    assert not g.errors, g.errors
    assert out["host_socket"] == f"127.0.0.1:{g.qemu_port}"
    # A stall of half the flood cannot fit a 4 KB socket buffer.
    assert out["host_dropped"] > 0, out
    assert out["frames_sent"] - out["send_errors"] == \
        out["host_dropped"] + g.stats.frames, (out, g.stats)
    assert out["frames_sent"] == out["sent"] + out["other_frames_sent"]
    # No flood frame was lost past the fake guest's socket but the ones it
    # did not echo; nothing is lost on the way back at this rate.
    assert out["host_dropped_from_guest"] == 0, out
    assert out["lost"] == out["lost_host"] + out["lost_guest"], out
    assert out["lost_host"] == out["host_dropped"], out
    assert out["lost_guest"] == 0, out
    assert out["echoed"] == g.stats.echoed, (out, g.stats)


def test_flood_host_drops_unknown_without_the_socket(tmp_path):
    """Without a /proc/net/udp row for QEMU's port, pktgen says it cannot
    tell host drops from guest drops rather than guessing."""
    empty = tmp_path / "udp"
    empty.write_text("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                     "retrnsmt   uid  timeout inode ref pointer drops\n")
    with FakeGuest() as g:
        res = run_pktgen(["flood", "--rate", "500", "--duration", "0.2", "--drain", "300",
                          "--proc-net-udp", str(empty), "--json", *g.args()], timeout=30)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["host_dropped"] is None and out["lost_host"] is None, out
    assert out["lost_guest"] is None, out


def test_flood_text_output():
    with FakeGuest() as g:
        res = run_pktgen(["flood", "--rate", "500", "--duration", "0.2", "--drain", "300",
                          *g.args()], timeout=30)
    print(res.stdout)
    assert res.returncode == 0, res.stderr
    assert "# offered sent echoed lost bad lost_host lost_guest" in res.stdout
    assert re.search(r"^host: QEMU's socket 127\.0\.0\.1:\d+ dropped 0 of \d+ frames, "
                     r"pktgen's dropped 0 echoes$", res.stdout, re.M), res.stdout
    offered, sent, echoed, lost, bad, lost_host, lost_guest = numbers(res.stdout)
    assert (offered, sent, echoed, lost, bad) == (100, 100, 100, 0, 0)
    assert (lost_host, lost_guest) == (0, 0)


# ---- fuzz ------------------------------------------------------------------------

def fuzz(seed: int, count: int, *extra: str) -> subprocess.CompletedProcess:
    res = run_pktgen(["fuzz", "--seed", str(seed), "--count", str(count), *extra], timeout=60)
    assert res.returncode == 0, res.stderr
    return res


def dumped_frames(stdout: str) -> list[tuple[str, bytes]]:
    frames, cur = [], None
    for line in stdout.splitlines():
        if line.startswith("frame "):
            _, _, kind, n = line.rstrip(":").split()
            cur = [kind, int(n), ""]
            frames.append(cur)
        elif line.startswith(" ") and cur is not None:
            cur[2] += line.strip()
    out = []
    for kind, n, hexs in frames:
        data = bytes.fromhex(hexs)
        assert len(data) == n
        out.append((kind, data))
    return out


def test_fuzz_is_deterministic_by_seed():
    a = fuzz(7, 2000, "--dry-run", "--dump")
    b = fuzz(7, 2000, "--dry-run", "--dump")
    c = fuzz(8, 2000, "--dry-run", "--dump")
    assert a.stdout == b.stdout
    assert a.stdout != c.stdout
    count, sent, da = a.stdout.split()[-3:]
    assert (count, sent) == ("2000", "0")
    dc = c.stdout.split()[-1]
    assert da != dc


def test_fuzz_kinds_are_what_they_say():
    res = fuzz(11, 3000, "--dry-run", "--dump", "--json")
    frames = dumped_frames(res.stdout)
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert len(frames) == 3000 == sum(summary["kinds"].values())
    assert all(v > 0 for v in summary["kinds"].values()), summary["kinds"]
    for kind, f in frames:
        ip = f[14:]
        if kind == "runt_eth":
            assert len(f) < 14
        elif kind == "oversize":
            assert len(f) > 1514
        elif kind == "ip_trunc":
            assert f[12:14] == b"\x08\x00" and len(f) < 34
        elif kind == "ip_csum":
            assert inet_checksum(ip[:20]) != 0
        elif kind == "ip_frag":
            assert struct.unpack("!H", ip[6:8])[0] & 0x3FFF
            assert inet_checksum(ip[:20]) == 0
        elif kind == "ip_version":
            assert ip[0] >> 4 != 4
        elif kind == "ip_ihl":
            assert (ip[0] & 15) != 5
        elif kind == "udp_csum":
            assert ip[9] == 17 and inet_checksum(ip[:20]) == 0
            ulen = struct.unpack("!H", ip[24:26])[0]
            udp = ip[20:20 + ulen]
            assert udp_checksum(ip[12:16], ip[16:20], udp[:6] + b"\0\0" + udp[8:]) != \
                struct.unpack("!H", udp[6:8])[0]
        elif kind == "icmp_csum":
            tot = struct.unpack("!H", ip[2:4])[0]
            assert ip[9] == 1 and inet_checksum(ip[20:tot]) != 0
        elif kind == "ethertype":
            assert f[12:14] not in (b"\x08\x00", b"\x08\x06")


def test_fuzz_sends_what_dry_run_builds():
    """Against a (fake) guest the frames are those of the dry run, all sent."""
    dry = fuzz(5, 5000, "--dry-run", "--json")
    with FakeGuest() as g:
        live = fuzz(5, 5000, "--json", *g.args())
        time.sleep(0.3)
    d, l_ = json.loads(dry.stdout), json.loads(live.stdout)
    assert d["digest"] == l_["digest"] and d["kinds"] == l_["kinds"]
    assert l_["sent"] == 5000 and l_["send_errors"] == 0
    # The ARP exchange, then every fuzz frame, but those the host dropped.
    assert l_["frames_sent"] == 5000 + g.stats.arp_requests
    assert g.stats.frames == l_["frames_sent"] - l_["host_dropped"], (l_, g.stats)


# ---- the QEMU side ---------------------------------------------------------------

def test_qemu_net_options():
    q = Qemu()
    assert "-nic" in q.command()
    i = q.command().index("-nic")
    assert q.command()[i + 1] == "none"
    u = Qemu(net="user").command()
    assert "user,model=e1000,restrict=on,mac=52:54:00:12:34:56" in u
    s = Qemu(net="socket")
    ports = s.net_ports
    assert ports.qemu != ports.host
    cmd = s.command()
    assert (f"socket,id=n0,udp=127.0.0.1:{ports.host},localaddr=127.0.0.1:{ports.qemu}"
            in cmd)
    assert "e1000,netdev=n0,mac=52:54:00:12:34:56" in cmd
    assert "-nic" not in cmd
    assert ports.pktgen_args() == ["--qemu-port", str(ports.qemu), "--listen", str(ports.host)]
    with pytest.raises(ValueError):
        Qemu(net="tap")


def test_qemu_boots_with_socket_netdev(qemu):
    """QEMU accepts the socket netdev and the e1000 on it; pktgen's fuzz
    frames reach QEMU's socket without upsetting the boot."""
    q = qemu(net="socket")
    q.boot()
    res = run_pktgen(["fuzz", "--seed", "1", "--count", "200", "--guest-mac",
                      "52:54:00:12:34:56", "--rate", "2000", "--json",
                      *q.net_ports.pktgen_args()], timeout=30)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["sent"] == 200
    out = q.run("uname -a")
    assert out and "irqlab" in out[0]
