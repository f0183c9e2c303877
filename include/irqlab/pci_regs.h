/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI configuration space layout: the names of Linux's
 * <uapi/linux/pci_regs.h>, for the registers irqlab uses.
 */
#ifndef _IRQLAB_PCI_REGS_H
#define _IRQLAB_PCI_REGS_H

#define PCI_CFG_SPACE_SIZE	256

#define PCI_VENDOR_ID		0x00	/* 16 bits */
#define PCI_DEVICE_ID		0x02	/* 16 bits */
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		0x1	/* respond to I/O space */
#define  PCI_COMMAND_MEMORY	0x2	/* respond to memory space */
#define  PCI_COMMAND_MASTER	0x4	/* bus mastering (DMA) */
#define  PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS		0x06	/* 16 bits */
#define  PCI_STATUS_CAP_LIST	0x10	/* capabilities list present */
#define PCI_CLASS_REVISION	0x08	/* high 24 bits class, low 8 revision */
#define PCI_REVISION_ID		0x08
#define PCI_CLASS_PROG		0x09
#define PCI_CLASS_DEVICE	0x0a	/* base class and subclass */
#define PCI_HEADER_TYPE		0x0e	/* 8 bits */
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_TYPE_NORMAL	0
#define  PCI_HEADER_TYPE_BRIDGE	1
#define  PCI_HEADER_TYPE_CARDBUS 2
#define  PCI_HEADER_TYPE_MFD	0x80	/* multi-function device */

#define PCI_BASE_ADDRESS_0	0x10	/* 32 bits */
#define PCI_BASE_ADDRESS_5	0x24
#define  PCI_BASE_ADDRESS_SPACE		0x01	/* 0 = memory, 1 = I/O */
#define  PCI_BASE_ADDRESS_SPACE_IO	0x01
#define  PCI_BASE_ADDRESS_MEM_TYPE_MASK	0x06
#define  PCI_BASE_ADDRESS_MEM_TYPE_64	0x04
#define  PCI_BASE_ADDRESS_MEM_PREFETCH	0x08
#define  PCI_BASE_ADDRESS_MEM_MASK	(~0x0fUL)
#define  PCI_BASE_ADDRESS_IO_MASK	(~0x03UL)
#define PCI_SUBSYSTEM_VENDOR_ID	0x2c
#define PCI_SUBSYSTEM_ID	0x2e
#define PCI_CAPABILITY_LIST	0x34	/* offset of the first capability */
#define PCI_INTERRUPT_LINE	0x3c	/* 8 bits */
#define PCI_INTERRUPT_PIN	0x3d	/* 8 bits: 1 = INTA ... 4 = INTD */

/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a

/* Capability lists. */
#define PCI_CAP_LIST_ID		0	/* capability ID */
#define PCI_CAP_LIST_NEXT	1	/* next capability pointer */
#define  PCI_CAP_ID_PM		0x01	/* power management */
#define  PCI_CAP_ID_MSI		0x05
#define  PCI_CAP_ID_VNDR	0x09
#define  PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define  PCI_CAP_ID_MSIX	0x11

#endif /* _IRQLAB_PCI_REGS_H */
