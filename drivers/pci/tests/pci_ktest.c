// SPDX-License-Identifier: GPL-2.0
/*
 * ktest suite "pci": what enumeration must have found on QEMU's pc
 * machine and what the configuration accessors guarantee.
 */
#include <irqlab/ktest.h>
#include <irqlab/pci.h>

/* The i440fx host bridge is always 00:00.0 on QEMU's pc machine. */
static void pci_host_bridge_found(struct ktest *t)
{
	struct pci_dev *dev = pci_get_domain_bus_and_slot(0, 0, 0);

	KTEST_ASSERT_NOT_NULL(t, dev);
	KTEST_EXPECT_EQ(t, dev->vendor, PCI_VENDOR_ID_INTEL);
	KTEST_EXPECT_EQ(t, dev->device, 0x1237);
	KTEST_EXPECT_EQ(t, dev->class >> 8, 0x0600);
	KTEST_EXPECT_STREQ(t, pci_name(dev), "00:00.0");
	KTEST_EXPECT_GE(t, pci_bus_count(), 1);
}

/* Every device found answers config reads with its own IDs. */
static void pci_devices_consistent(struct ktest *t)
{
	unsigned int last = 0;
	struct pci_dev *dev;
	int n = 0;

	for_each_pci_dev(dev) {
		unsigned int key = dev->bus->number << 8 | dev->devfn;
		u16 v, d;

		pci_read_config_word(dev, PCI_VENDOR_ID, &v);
		pci_read_config_word(dev, PCI_DEVICE_ID, &d);
		KTEST_EXPECT_EQ(t, v, dev->vendor);
		KTEST_EXPECT_EQ(t, d, dev->device);
		if (n)
			KTEST_EXPECT_GT(t, key, last);	/* lspci's order */
		last = key;
		n++;
	}
	KTEST_EXPECT_GE(t, n, 2);
}

/* QEMU's default NIC: BAR0 is 128 KiB of 32-bit memory. */
static void pci_e1000_bar0(struct ktest *t)
{
	struct pci_dev *dev = pci_get_device(PCI_VENDOR_ID_INTEL, 0x100e, NULL);
	u32 bar;

	if (!dev) {
		ktest_skip(t, "no e1000 on this machine");
		return;
	}
	KTEST_EXPECT_EQ(t, dev->class >> 8, PCI_CLASS_NETWORK_ETHERNET);
	KTEST_EXPECT_TRUE(t, pci_resource_flags(dev, 0) & IORESOURCE_MEM);
	KTEST_EXPECT_EQ(t, pci_resource_len(dev, 0), 128 * 1024);
	KTEST_EXPECT_EQ(t, pci_resource_start(dev, 0) & (128 * 1024 - 1), 0);
	/* BAR1 of the 82540EM is its I/O window: 64 ports. */
	KTEST_EXPECT_TRUE(t, pci_resource_flags(dev, 1) & IORESOURCE_IO);
	KTEST_EXPECT_EQ(t, pci_resource_len(dev, 1), 64);
	/* Sizing put the address back. */
	pci_read_config_dword(dev, PCI_BASE_ADDRESS_0, &bar);
	KTEST_EXPECT_EQ(t, bar & PCI_BASE_ADDRESS_MEM_MASK,
			pci_resource_start(dev, 0));
	KTEST_EXPECT_NE(t, dev->pin, 0);
	KTEST_EXPECT_NE(t, dev->irq, 0);
}

/*
 * The walk ends on every device: a capability found is inside config
 * space past the header and has the ID asked for; an absent one is 0.
 */
static void pci_capability_walk_terminates(struct ktest *t)
{
	static const int ids[] = { PCI_CAP_ID_PM, PCI_CAP_ID_MSI,
				   PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX, 0x3f };
	struct pci_dev *dev;
	unsigned int i;

	for_each_pci_dev(dev) {
		for (i = 0; i < ARRAY_SIZE(ids); i++) {
			u8 pos = pci_find_capability(dev, ids[i]);
			u8 id;

			if (!pos)
				continue;
			KTEST_EXPECT_GE(t, pos, 0x40);
			pci_read_config_byte(dev, pos, &id);
			KTEST_EXPECT_EQ(t, id, ids[i]);
		}
		/* 0x3f is no defined capability: never found. */
		KTEST_EXPECT_EQ(t, pci_find_capability(dev, 0x3f), 0);
	}
}

/* Nothing answers at 00:1f.7 on QEMU pc: all ones, as enumeration relies on. */
static void pci_absent_device_reads_ones(struct ktest *t)
{
	struct pci_bus bus = { .number = 0 };
	unsigned int devfn = PCI_DEVFN(31, 7);
	u32 l;
	u16 w;
	u8 b;

	KTEST_ASSERT_TRUE(t, !pci_get_domain_bus_and_slot(0, 0, devfn));
	KTEST_EXPECT_EQ(t, pci_bus_read_config_dword(&bus, devfn, 0, &l), 0);
	KTEST_EXPECT_EQ(t, l, 0xffffffffu);
	pci_bus_read_config_word(&bus, devfn, PCI_DEVICE_ID, &w);
	KTEST_EXPECT_EQ(t, w, 0xffff);
	pci_bus_read_config_byte(&bus, devfn, PCI_HEADER_TYPE, &b);
	KTEST_EXPECT_EQ(t, b, 0xff);
	/* Misaligned and out-of-range registers are refused. */
	KTEST_EXPECT_EQ(t, pci_bus_read_config_dword(&bus, 0, 2, &l),
			PCIBIOS_BAD_REGISTER_NUMBER);
	KTEST_EXPECT_EQ(t, pci_bus_read_config_word(&bus, 0, 255, &w),
			PCIBIOS_BAD_REGISTER_NUMBER);
}

/* A byte write lands in its byte lane: the latency timer round-trips. */
static void pci_config_write_byte_lane(struct ktest *t)
{
	struct pci_dev *dev = pci_get_device(PCI_VENDOR_ID_INTEL, 0x100e, NULL);
	u8 old, v;
	u16 vendor;

	if (!dev) {
		ktest_skip(t, "no e1000 on this machine");
		return;
	}
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &old);
	pci_write_config_byte(dev, PCI_INTERRUPT_LINE, 0x5a);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &v);
	pci_write_config_byte(dev, PCI_INTERRUPT_LINE, old);
	KTEST_EXPECT_EQ(t, v, 0x5a);
	pci_read_config_byte(dev, PCI_INTERRUPT_LINE, &v);
	KTEST_EXPECT_EQ(t, v, old);
	pci_read_config_word(dev, PCI_VENDOR_ID, &vendor);
	KTEST_EXPECT_EQ(t, vendor, PCI_VENDOR_ID_INTEL);
}

static void pci_match_table(struct ktest *t)
{
	static const struct pci_device_id ids[] = {
		{ PCI_DEVICE(PCI_VENDOR_ID_INTEL, 0x100e) },
		{ }
	};
	struct pci_dev *host = pci_get_domain_bus_and_slot(0, 0, 0);
	struct pci_dev *nic = pci_get_device(PCI_VENDOR_ID_INTEL, 0x100e, NULL);

	KTEST_ASSERT_NOT_NULL(t, host);
	KTEST_EXPECT_NULL(t, pci_match_id(ids, host));
	if (nic)
		KTEST_EXPECT_TRUE(t, pci_match_id(ids, nic) == &ids[0]);
}

static const struct ktest_case pci_cases[] = {
	KTEST_CASE(pci_host_bridge_found),
	KTEST_CASE(pci_devices_consistent),
	KTEST_CASE(pci_e1000_bar0),
	KTEST_CASE(pci_capability_walk_terminates),
	KTEST_CASE(pci_absent_device_reads_ones),
	KTEST_CASE(pci_config_write_byte_lane),
	KTEST_CASE(pci_match_table),
	{ }
};
KTEST_SUITE(pci, pci_cases);
