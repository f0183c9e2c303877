"""A stand-in for the guest's network stack, for testing tools/pktgen alone.

`FakeGuest` plays QEMU's socket netdev and the guest behind it on
127.0.0.1: it binds the port QEMU would (localaddr, pktgen's --qemu-port),
sends frames to pktgen's --listen port, answers ARP for the guest IP,
answers ICMP echo and echoes UDP on port 7 - written independently of
pktgen.c (its own checksum code), and it checks every frame pktgen sends.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field

from qemu import free_udp_ports

GUEST_MAC = bytes.fromhex("525400123456")
GUEST_IP = socket.inet_aton("10.0.2.15")
HOST_IP = socket.inet_aton("10.0.2.2")
BROADCAST = b"\xff" * 6


def inet_checksum(data: bytes) -> int:
    """RFC 1071: the one's complement of the one's complement sum."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def udp_checksum(src: bytes, dst: bytes, udp: bytes) -> int:
    c = inet_checksum(src + dst + struct.pack("!BBH", 0, 17, len(udp)) + udp)
    return c or 0xFFFF


def eth(dst: bytes, src: bytes, ethertype: int, payload: bytes) -> bytes:
    frame = dst + src + struct.pack("!H", ethertype) + payload
    return frame.ljust(60, b"\0")


def ipv4(src: bytes, dst: bytes, proto: int, payload: bytes, ident: int = 0) -> bytes:
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, 64,
                      proto, 0, src, dst)
    hdr = hdr[:10] + struct.pack("!H", inet_checksum(hdr)) + hdr[12:]
    return hdr + payload


def arp(op: int, sha: bytes, spa: bytes, tha: bytes, tpa: bytes) -> bytes:
    return struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, op, sha, spa, tha, tpa)


@dataclass
class Stats:
    frames: int = 0
    arp_requests: int = 0  # who-has GUEST_IP, seen
    arp_replies: int = 0  # replies pktgen sent to our requests
    arp_reply_macs: list = field(default_factory=list)
    icmp_echo: int = 0
    udp_echo: int = 0
    bad_checksums: int = 0
    other: int = 0
    echoed: int = 0  # replies we sent (ICMP + UDP)
    dropped: int = 0  # requests we chose to drop
    icmp_replies_from_host: int = 0


class FakeGuest:
    """The guest end of a socket netdev, in a thread.

    qemu_port: where it listens (pktgen's --qemu-port);
    host_port: where it sends (pktgen's --listen).
    drop_every: drop every Nth echo request (0: none);
    corrupt: reply with a wrong payload byte (pktgen must count it bad);
    answer_arp: False to test pktgen's ARP timeout.
    stall: after answering the first ARP request, read nothing for this
    many seconds, as QEMU does while the e1000's ring is full; with a small
    rcvbuf the host kernel then drops datagrams at this socket (the
    `drops` of its /proc/net/udp row), as it does at QEMU's.
    """

    def __init__(self, drop_every: int = 0, corrupt: bool = False, answer_arp: bool = True,
                 mac: bytes = GUEST_MAC, rcvbuf: int = 4 << 20, stall: float = 0.0):
        self.qemu_port, self.host_port = free_udp_ports(2)
        self.drop_every = drop_every
        self.corrupt = corrupt
        self.answer_arp = answer_arp
        self.mac = mac
        self.stats = Stats()
        self.errors: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.stall = stall
        self._stall_until = 0.0
        self.sock.bind(("127.0.0.1", self.qemu_port))
        self.sock.settimeout(0.05)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._requests = 0

    def args(self) -> list[str]:
        return ["--qemu-port", str(self.qemu_port), "--listen", str(self.host_port)]

    def __enter__(self) -> "FakeGuest":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()

    def send(self, frame: bytes) -> None:
        self.sock.sendto(frame, ("127.0.0.1", self.host_port))

    def ask_host_mac(self) -> None:
        """Send the host an ARP request, as the guest does for its gateway."""
        self.send(eth(BROADCAST, self.mac, 0x0806,
                      arp(1, self.mac, GUEST_IP, b"\0" * 6, HOST_IP)))

    def ping_host(self, ident: int = 0x77, seq: int = 1, payload: bytes = b"hello") -> None:
        icmp = struct.pack("!BBHHH", 8, 0, 0, ident, seq) + payload
        icmp = icmp[:2] + struct.pack("!H", inet_checksum(icmp)) + icmp[4:]
        self.send(eth(bytes.fromhex("52550a000202"), self.mac, 0x0800,
                      ipv4(GUEST_IP, HOST_IP, 1, icmp)))

    def _error(self, text: str) -> None:
        if len(self.errors) < 20:
            self.errors.append(text)

    def _loop(self) -> None:
        while True:
            # Once stopped, what is still queued is read before leaving, so
            # that every datagram is either counted here or a host drop.
            if self._stop.is_set():
                self.sock.settimeout(0)
            pause = self._stall_until - time.monotonic()
            if pause > 0 and not self._stop.is_set():
                time.sleep(pause)
            try:
                frame, addr = self.sock.recvfrom(65536)
            except (socket.timeout, BlockingIOError):
                if self._stop.is_set():
                    return
                continue
            except OSError:
                return
            if addr[0] != "127.0.0.1":
                self._error(f"datagram from {addr}")
                continue
            try:
                self._handle(frame)
            except Exception as e:  # malformed input (fuzz): note it, go on
                self._error(f"unparsable frame {frame.hex()}: {e}")

    def _handle(self, frame: bytes) -> None:
        st = self.stats
        st.frames += 1
        if len(frame) < 60:
            self._error(f"runt frame of {len(frame)} bytes")
        dst, src, ethertype = frame[:6], frame[6:12], struct.unpack("!H", frame[12:14])[0]
        body = frame[14:]
        if ethertype == 0x0806:
            htype, ptype, hlen, plen, op, sha, spa, tha, tpa = struct.unpack(
                "!HHBBH6s4s6s4s", body[:28])
            if (htype, ptype, hlen, plen) != (1, 0x0800, 6, 4):
                self._error("bad ARP header")
                return
            if op == 1 and tpa == GUEST_IP:
                st.arp_requests += 1
                if dst != BROADCAST:
                    self._error("ARP request not broadcast")
                if self.answer_arp:
                    self.send(eth(sha, self.mac, 0x0806, arp(2, self.mac, GUEST_IP, sha, spa)))
                if self.stall:
                    self._stall_until = time.monotonic() + self.stall
                    self.stall = 0.0
            elif op == 2 and tpa == GUEST_IP and spa == HOST_IP:
                st.arp_replies += 1
                st.arp_reply_macs.append(sha.hex(":"))
            else:
                st.other += 1
            return
        if ethertype != 0x0800:
            st.other += 1
            return
        if dst != self.mac:
            self._error(f"IPv4 frame to {dst.hex(':')}, not the guest's MAC")
        ihl = (body[0] & 15) * 4
        total = struct.unpack("!H", body[2:4])[0]
        ip, l4 = body[:ihl], body[ihl:total]
        if inet_checksum(ip) != 0:
            st.bad_checksums += 1
            self._error("bad IPv4 header checksum")
            return
        proto, saddr, daddr = ip[9], ip[12:16], ip[16:20]
        if proto == 1:
            if inet_checksum(l4) != 0:
                st.bad_checksums += 1
                self._error("bad ICMP checksum")
                return
            if l4[0] == 0 and daddr == GUEST_IP:  # reply to our ping_host()
                st.icmp_replies_from_host += 1
                return
            if l4[0] != 8 or daddr != GUEST_IP:
                st.other += 1
                return
            st.icmp_echo += 1
            if self._drop():
                return
            reply = bytearray(b"\0\0\0\0" + l4[4:])
            if self.corrupt and len(reply) > 8:
                reply[8] ^= 0xFF
            reply[2:4] = struct.pack("!H", inet_checksum(bytes(reply)))
            self.send(eth(src, self.mac, 0x0800, ipv4(GUEST_IP, saddr, 1, bytes(reply))))
            st.echoed += 1
        elif proto == 17:
            sport, dport, ulen, csum = struct.unpack("!HHHH", l4[:8])
            if csum and udp_checksum(saddr, daddr, l4[:ulen]) != csum and \
                    inet_checksum(saddr + daddr + struct.pack("!BBH", 0, 17, ulen) + l4[:ulen]):
                st.bad_checksums += 1
                self._error("bad UDP checksum")
                return
            if dport != 7 or daddr != GUEST_IP:
                st.other += 1
                return
            st.udp_echo += 1
            if self._drop():
                return
            payload = bytearray(l4[8:ulen])
            if self.corrupt and payload:
                payload[-1] ^= 0xFF
            udp = struct.pack("!HHHH", 7, sport, 8 + len(payload), 0) + bytes(payload)
            udp = udp[:6] + struct.pack("!H", udp_checksum(GUEST_IP, saddr, udp)) + udp[8:]
            self.send(eth(src, self.mac, 0x0800, ipv4(GUEST_IP, saddr, 17, udp)))
            st.echoed += 1
        else:
            st.other += 1

    def _drop(self) -> bool:
        self._requests += 1
        if self.drop_every and self._requests % self.drop_every == 0:
            self.stats.dropped += 1
            return True
        return False
