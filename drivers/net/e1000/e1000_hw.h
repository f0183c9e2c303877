/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel 8254x (82540EM, QEMU's default NIC) registers and descriptors:
 * the offsets and bits of Linux's drivers/net/ethernet/intel/e1000/
 * e1000_hw.h that irqlab uses, from the 8254x Software Developer's Manual.
 */
#ifndef _E1000_HW_H
#define _E1000_HW_H

#include <irqlab/types.h>

/* Registers (byte offsets into BAR0). */
#define E1000_CTRL	0x00000	/* device control */
#define E1000_STATUS	0x00008	/* device status */
#define E1000_EECD	0x00010	/* EEPROM/flash control */
#define E1000_EERD	0x00014	/* EEPROM read */
#define E1000_CTRL_EXT	0x00018
#define E1000_ICR	0x000C0	/* interrupt cause read (clears on read) */
#define E1000_ITR	0x000C4	/* interrupt throttling, 256 ns units */
#define E1000_ICS	0x000C8	/* interrupt cause set */
#define E1000_IMS	0x000D0	/* interrupt mask set/read */
#define E1000_IMC	0x000D8	/* interrupt mask clear */
#define E1000_RCTL	0x00100	/* receive control */
#define E1000_TCTL	0x00400	/* transmit control */
#define E1000_TIPG	0x00410	/* transmit inter-packet gap */
#define E1000_RDBAL	0x02800	/* RX descriptor base low */
#define E1000_RDBAH	0x02804
#define E1000_RDLEN	0x02808	/* RX ring bytes, multiple of 128 */
#define E1000_RDH	0x02810	/* RX head: the NIC's next slot */
#define E1000_RDT	0x02818	/* RX tail: one past the last slot given */
#define E1000_RDTR	0x02820	/* RX delay timer */
#define E1000_RADV	0x0282C	/* RX absolute delay timer */
#define E1000_TDBAL	0x03800
#define E1000_TDBAH	0x03804
#define E1000_TDLEN	0x03808
#define E1000_TDH	0x03810
#define E1000_TDT	0x03818
#define E1000_TIDV	0x03820	/* TX interrupt delay */
#define E1000_TADV	0x0382C
#define E1000_MTA	0x05200	/* multicast table, 128 dwords */
#define E1000_RAL(i)	(0x05400 + 8 * (i))	/* receive address low */
#define E1000_RAH(i)	(0x05404 + 8 * (i))

/* Statistics: all clear on read. */
#define E1000_CRCERRS	0x04000
#define E1000_ALGNERRC	0x04004
#define E1000_SYMERRS	0x04008
#define E1000_RXERRC	0x0400C
#define E1000_MPC	0x04010	/* missed packets: no room in the FIFO */
#define E1000_SCC	0x04014
#define E1000_ECOL	0x04018
#define E1000_MCC	0x0401C
#define E1000_LATECOL	0x04020
#define E1000_COLC	0x04028
#define E1000_DC	0x04030
#define E1000_TNCRS	0x04034
#define E1000_SEC	0x04038
#define E1000_CEXTERR	0x0403C
#define E1000_RLEC	0x04040	/* receive length errors */
#define E1000_XONRXC	0x04048
#define E1000_XONTXC	0x0404C
#define E1000_XOFFRXC	0x04050
#define E1000_XOFFTXC	0x04054
#define E1000_FCRUC	0x04058
#define E1000_GPRC	0x04074	/* good packets received */
#define E1000_BPRC	0x04078
#define E1000_MPRC	0x0407C
#define E1000_GPTC	0x04080	/* good packets transmitted */
#define E1000_GORCL	0x04088	/* good octets received, low dword first */
#define E1000_GORCH	0x0408C
#define E1000_GOTCL	0x04090
#define E1000_GOTCH	0x04094
#define E1000_RNBC	0x040A0	/* receive: no buffers (ring empty) */
#define E1000_RUC	0x040A4	/* undersize */
#define E1000_RFC	0x040A8	/* fragments */
#define E1000_ROC	0x040AC	/* oversize */
#define E1000_RJC	0x040B0	/* jabber */
#define E1000_TORL	0x040C0
#define E1000_TORH	0x040C4
#define E1000_TOTL	0x040C8
#define E1000_TOTH	0x040CC
#define E1000_TPR	0x040D0	/* total packets received */
#define E1000_TPT	0x040D4
#define E1000_MPTC	0x040F0
#define E1000_BPTC	0x040F4

/* CTRL */
#define E1000_CTRL_FD		0x00000001	/* full duplex */
#define E1000_CTRL_ASDE		0x00000020	/* auto speed detection */
#define E1000_CTRL_SLU		0x00000040	/* set link up */
#define E1000_CTRL_RST		0x04000000	/* global reset, self-clearing */
#define E1000_CTRL_VME		0x40000000
#define E1000_CTRL_PHY_RST	0x80000000

/* STATUS */
#define E1000_STATUS_FD		0x00000001
#define E1000_STATUS_LU		0x00000002	/* link up */
#define E1000_STATUS_SPEED_MASK	0x000000C0
#define E1000_STATUS_SPEED_10	0x00000000
#define E1000_STATUS_SPEED_100	0x00000040
#define E1000_STATUS_SPEED_1000	0x00000080

/* EERD */
#define E1000_EEPROM_RW_REG_START	1
#define E1000_EEPROM_RW_REG_DONE	0x10
#define E1000_EEPROM_RW_ADDR_SHIFT	8
#define E1000_EEPROM_RW_REG_DATA	16

/* Interrupt causes (ICR, ICS, IMS, IMC share the bits). */
#define E1000_ICR_TXDW		0x00000001	/* TX descriptor written back */
#define E1000_ICR_TXQE		0x00000002	/* TX queue empty */
#define E1000_ICR_LSC		0x00000004	/* link status change */
#define E1000_ICR_RXSEQ		0x00000008	/* RX sequence error */
#define E1000_ICR_RXDMT0	0x00000010	/* RX ring below threshold */
#define E1000_ICR_RXO		0x00000040	/* RX overrun */
#define E1000_ICR_RXT0		0x00000080	/* RX timer: frames arrived */
#define E1000_ICS_LSC		E1000_ICR_LSC
/* Linux's IMS_ENABLE_MASK: what e1000_irq_enable unmasks. */
#define IMS_ENABLE_MASK	(E1000_ICR_RXT0 | E1000_ICR_TXDW | \
			 E1000_ICR_RXDMT0 | E1000_ICR_RXSEQ | E1000_ICR_LSC)

/* RCTL */
#define E1000_RCTL_EN		0x00000002
#define E1000_RCTL_SBP		0x00000004	/* store bad packets */
#define E1000_RCTL_UPE		0x00000008	/* unicast promiscuous */
#define E1000_RCTL_MPE		0x00000010	/* multicast promiscuous */
#define E1000_RCTL_LPE		0x00000020	/* long packets */
#define E1000_RCTL_RDMTS_HALF	0x00000000	/* RXDMT0 at half the ring */
#define E1000_RCTL_BAM		0x00008000	/* accept broadcast */
#define E1000_RCTL_SZ_2048	0x00000000	/* BSIZE 00, BSEX 0 */
#define E1000_RCTL_SECRC	0x04000000	/* strip the CRC */

/* TCTL */
#define E1000_TCTL_EN		0x00000002
#define E1000_TCTL_PSP		0x00000008	/* pad short packets */
#define E1000_TCTL_CT		0x00000ff0
#define E1000_TCTL_COLD		0x003ff000
#define E1000_CT_SHIFT		4
#define E1000_COLD_SHIFT	12
#define E1000_COLLISION_THRESHOLD	15
#define E1000_COLLISION_DISTANCE	63	/* full duplex */
/* TIPG for copper 8254x (Linux's DEFAULT_82543_TIPG_*). */
#define E1000_TIPG_IPGT		10
#define E1000_TIPG_IPGR1	8
#define E1000_TIPG_IPGR2	6
#define E1000_TIPG_IPGR1_SHIFT	10
#define E1000_TIPG_IPGR2_SHIFT	20

#define E1000_RAH_AV		0x80000000	/* receive address valid */

/* Legacy receive descriptor (SDM 3.2.3). */
struct e1000_rx_desc {
	u64 buffer_addr;
	u16 length;
	u16 csum;
	u8 status;
	u8 errors;
	u16 special;
};

#define E1000_RXD_STAT_DD	0x01	/* descriptor done */
#define E1000_RXD_STAT_EOP	0x02	/* end of packet */
#define E1000_RXD_ERR_CE	0x01	/* CRC error */
#define E1000_RXD_ERR_SE	0x02	/* symbol error */
#define E1000_RXD_ERR_SEQ	0x04	/* sequence error */
#define E1000_RXD_ERR_CXE	0x10	/* carrier extension error */
#define E1000_RXD_ERR_RXE	0x80	/* RX data error */
#define E1000_RXD_ERR_FRAME_ERR_MASK					\
	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ |	\
	 E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/* Legacy transmit descriptor (SDM 3.3.3). */
struct e1000_tx_desc {
	u64 buffer_addr;
	u16 length;
	u8 cso;
	u8 cmd;
	u8 status;
	u8 css;
	u16 special;
};

#define E1000_TXD_CMD_EOP	0x01	/* end of packet */
#define E1000_TXD_CMD_IFCS	0x02	/* insert FCS */
#define E1000_TXD_CMD_RS	0x08	/* report status: write DD back */
#define E1000_TXD_CMD_IDE	0x80	/* interrupt delay enable */
#define E1000_TXD_STAT_DD	0x01

/* Ring sizes (Linux's e1000.h): a multiple of 8 descriptors = 128 bytes. */
#define E1000_DEFAULT_RXD	256
#define E1000_MAX_RXD		4096	/* 82544 and later */
#define E1000_MIN_RXD		48
#define E1000_DEFAULT_TXD	256
#define E1000_MAX_TXD		4096
#define E1000_MIN_TXD		48
#define REQ_RX_DESCRIPTORS_MULTIPLE	8
#define REQ_TX_DESCRIPTORS_MULTIPLE	8

#define E1000_RXBUFFER_2048	2048

/* ITR limits for ethtool rx-usecs (Linux's E1000_{MIN,MAX}_ITR_USECS). */
#define E1000_MIN_ITR_USECS	10
#define E1000_MAX_ITR_USECS	10000

#endif /* _E1000_HW_H */
