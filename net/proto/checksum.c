// SPDX-License-Identifier: GPL-2.0
/*
 * The Internet checksum (RFC 1071), Linux's csum_partial/csum_fold shape.
 * Summing 16-bit words as stored in memory gives the checksum in memory
 * byte order, so callers store the result as bytes without swapping.
 */
#include <irqlab/net_proto.h>

u32 csum_partial(const void *buf, size_t len, u32 sum)
{
	const u8 *p = buf;
	u64 acc = sum;

	while (len >= 2) {
		acc += (u16)(p[0] | p[1] << 8);
		p += 2;
		len -= 2;
	}
	if (len)
		acc += p[0];
	while (acc >> 32)
		acc = (acc & 0xffffffff) + (acc >> 32);
	return (u32)acc;
}

u16 csum_fold(u32 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

u32 csum_tcpudp_nofold(u32 saddr, u32 daddr, u32 len, u8 proto, u32 sum)
{
	u64 acc = sum;

	/* The addresses as stored (network order), the rest swapped to it. */
	acc += (saddr & 0xffff) + (saddr >> 16);
	acc += (daddr & 0xffff) + (daddr >> 16);
	acc += htons((u16)len);
	acc += htons(proto);
	while (acc >> 32)
		acc = (acc & 0xffffffff) + (acc >> 32);
	return (u32)acc;
}
