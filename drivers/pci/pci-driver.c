// SPDX-License-Identifier: GPL-2.0
/*
 * Drivers and devices meet here, as in Linux's drivers/pci/pci-driver.c:
 * a driver registers with an id_table and its probe runs for every
 * enumerated device that matches and has no driver yet.
 */
#include <irqlab/pci.h>
#include <irqlab/mutex.h>
#include <irqlab/printk.h>

static LIST_HEAD(pci_drivers);
static DEFINE_MUTEX(pci_drivers_lock);

static bool pci_match_one_device(const struct pci_device_id *id,
				 const struct pci_dev *dev)
{
	return (id->vendor == PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == PCI_ANY_ID ||
		id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == PCI_ANY_ID ||
		id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	/* The table ends with an all-zero entry, as Linux's. */
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (pci_match_one_device(ids, dev))
			return ids;
	return NULL;
}

static void pci_driver_probe_all(struct pci_driver *drv)
{
	const struct pci_device_id *id;
	struct pci_dev *dev;
	int err;

	for_each_pci_dev(dev) {
		if (dev->driver)
			continue;
		id = pci_match_id(drv->id_table, dev);
		if (!id)
			continue;
		dev->driver = drv;
		err = drv->probe(dev, id);
		if (err) {
			dev->driver = NULL;
			pr_warn("%s 0000:%s: probe failed with error %d\n",
				drv->name, pci_name(dev), err);
		}
	}
}

int pci_register_driver(struct pci_driver *drv)
{
	mutex_lock(&pci_drivers_lock);
	list_add_tail(&drv->node, &pci_drivers);
	pci_driver_probe_all(drv);
	mutex_unlock(&pci_drivers_lock);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_dev *dev;

	mutex_lock(&pci_drivers_lock);
	for_each_pci_dev(dev) {
		if (dev->driver != drv)
			continue;
		if (drv->remove)
			drv->remove(dev);
		dev->driver = NULL;
	}
	list_del(&drv->node);
	mutex_unlock(&pci_drivers_lock);
}
