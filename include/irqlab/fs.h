/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VFS, as Linux's <linux/fs.h> in miniature (docs/fs.md):
 *
 *  - an inode is a file itself: its type and mode, size, owner, times,
 *    device number, and the operations of its file system;
 *  - a dentry is a name of an inode in a directory; the dentries form
 *    the tree that path lookup walks.  Nothing is evicted: a dentry in
 *    the tree stays until it is unlinked, so for tmpfs the tree is the
 *    file system (as Linux's ramfs lives in the dcache);
 *  - a file is an open inode: a position, the open flags, the
 *    operations, a reference count shared by the descriptors and forks
 *    that point at it;
 *  - a super_block is one mounted file system; a vfsmount places its
 *    root on a directory (the mount point) of another mount.
 *
 * Locking: dcache_lock (a mutex, the name of Linux's before 2.6.38)
 * covers the shape of the tree: lookup, create, unlink, rename, mount.
 * An inode's i_mutex covers its data and size.  Reference counts are
 * atomic and may be dropped without either.
 */
#ifndef _IRQLAB_FS_H
#define _IRQLAB_FS_H

#include <irqlab/types.h>
#include <irqlab/atomic.h>
#include <irqlab/list.h>
#include <irqlab/mutex.h>
#include <irqlab/time.h>
#include <irqlab/err.h>
#include <irqlab/errno.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/fcntl.h>

#ifndef __user
#define __user
#endif

typedef long long loff_t;
typedef unsigned short umode_t;
typedef u32 dev_t;
typedef unsigned int fmode_t;
typedef long off_t;

/* The kernel's dev_t: 12 bits of major, 20 of minor, as Linux's. */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((dev_t)(ma) << MINORBITS) | (dev_t)(mi))

/* User space's 32-bit encoding (stat's st_dev and st_rdev, mknod). */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#define PATH_MAX	4096	/* with the NUL */
#define NAME_MAX	255	/* one component, without it */
#define MAXSYMLINKS	40	/* symlinks one lookup may follow: ELOOP */
#define MAX_RW_COUNT	(INT_MAX & ~4095L)	/* one read or write, at most */

/* f_mode: what this open file may do. */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_PATH	0x4000	/* O_PATH: a handle, no I/O */

struct inode;
struct dentry;
struct file;
struct super_block;
struct vfsmount;
struct iov_iter;
struct dir_context;
struct poll_table_struct;
struct vm_area_struct;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* Changes notify_change() makes (ia_valid bits), as Linux's ATTR_*. */
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	u32 ia_uid, ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime;
};

struct inode_operations {
	/*
	 * dentry is a new, negative child of dir: d_add() an inode to it
	 * if the name exists; leaving it negative means ENOENT.
	 */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	/* For these, dentry is a new negative child: d_instantiate() it. */
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode,
		     dev_t dev);
	int (*symlink)(struct inode *dir, struct dentry *dentry,
		       const char *target);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *new);
	/* The VFS takes the dentry out of the tree after these. */
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	/* Counts links and times; the VFS moves the dentries. */
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry,
		      unsigned int flags);
	/* A symlink's target. */
	const char *(*get_link)(struct dentry *dentry, struct inode *inode);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* Both move *pos; they return the bytes done or -errno. */
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to,
			     loff_t *pos);
	ssize_t (*write_iter)(struct file *file, struct iov_iter *from,
			      loff_t *pos);
	/* Emits the entries from ctx->pos on (getdents64). */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd,
			       unsigned long arg);
	/* The events ready now (POLLIN...); poll_wait()s its queues. */
	unsigned int (*poll)(struct file *file,
			     struct poll_table_struct *pt);
	int (*release)(struct inode *inode, struct file *file);
	/*
	 * Set by a file system whose files mmap(2) may map privately
	 * (pages read at first touch, kernel/mm/memory.c): 0 to allow it.
	 * Without it, ENODEV, as Linux's for a file with no ->mmap: a
	 * generated file (procfs) could not be read from a fault.
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

/* i_flags */
#define S_DEAD		(1 << 0)	/* a removed directory: no new names */

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	unsigned int i_nlink;
	u32 i_uid, i_gid;
	unsigned long i_ino;
	dev_t i_rdev;			/* a device node's device */
	loff_t i_size;
	struct timespec64 i_atime, i_mtime, i_ctime;
	atomic_t i_count;
	struct mutex i_mutex;		/* the data and i_size */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* what open() installs */
	struct super_block *i_sb;
	char *i_link;			/* a symlink's target */
	void *i_private;		/* the file system's */
};

/* d_flags */
#define DCACHE_MOUNTED	(1 << 0)	/* a mount covers it */
#define DCACHE_UNHASHED	(1 << 1)	/* out of the tree (unlinked) */

struct dentry {
	char *d_name;			/* NUL-terminated, kmalloc'd */
	unsigned int d_name_len;
	unsigned int d_flags;
	atomic_t d_count;		/* the tree holds one reference */
	struct dentry *d_parent;	/* itself for a root */
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* children, oldest first */
	struct inode *d_inode;		/* NULL: negative */
	struct super_block *d_sb;
	u64 d_dir_pos;			/* its place for readdir (>= 2) */
	u64 d_next_pos;			/* a directory's next child's place */
};

struct super_operations {
	/* The last reference to inode went: free what the fs keeps. */
	void (*evict_inode)(struct inode *inode);
};

struct file_system_type {
	const char *name;
	/* The root of a new (or the shared) super_block, or ERR_PTR. */
	struct dentry *(*mount)(struct file_system_type *fs_type, int flags,
				const char *dev_name, void *data);
	struct file_system_type *next;
};

struct super_block {
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	dev_t s_dev;			/* anonymous: 0:N as Linux's */
	unsigned long s_magic;
	void *s_fs_info;
};

struct vfsmount {
	struct dentry *mnt_root;	/* the root of the mounted tree */
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;	/* itself for the root mount */
	struct dentry *mnt_mountpoint;	/* what it covers in the parent */
	char mnt_devname[32];		/* /proc/mounts' first column */
	int mnt_flags;
	struct list_head mnt_list;	/* in mount_list, mount order */
};

struct file {
	atomic_t f_count;
	unsigned int f_flags;		/* open's flags, less O_CREAT... */
	fmode_t f_mode;
	loff_t f_pos;
	struct mutex f_pos_lock;	/* read/write/lseek keep f_pos whole */
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	void *private_data;
};

struct fs_struct {
	atomic_t users;
	int umask;
	struct mutex lock;		/* root and pwd change together */
	struct path root, pwd;
};

/* readdir: actor returns false when the caller's buffer is full. */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, int namelen,
		      loff_t offset, u64 ino, unsigned int d_type);
	loff_t pos;
};

static inline bool dir_emit(struct dir_context *ctx, const char *name,
			    int namelen, u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

static inline unsigned int fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* ---- the tree (fs/dcache.c) ------------------------------------------ */
extern struct mutex dcache_lock;

struct dentry *d_alloc(struct dentry *parent, const char *name,
		       unsigned int len);
struct dentry *d_alloc_root(struct inode *root);
/* A child by name, with a reference, or NULL; dcache_lock held. */
struct dentry *d_lookup(struct dentry *parent, const char *name,
			unsigned int len);
void d_instantiate(struct dentry *dentry, struct inode *inode);
void d_add(struct dentry *dentry, struct inode *inode);
/* Takes a dentry out of the tree and drops the tree's reference. */
void d_delete(struct dentry *dentry);
/* Moves dentry under new_parent as name (rename). */
int d_move(struct dentry *dentry, struct dentry *new_parent,
	   const char *name, unsigned int len);
struct dentry *dget(struct dentry *dentry);
void dput(struct dentry *dentry);
bool d_is_root(const struct dentry *dentry);
void path_get(const struct path *path);
void path_put(const struct path *path);

/* ---- inodes (fs/inode.c) --------------------------------------------- */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
unsigned long get_next_ino(void);
struct timespec64 current_time(struct inode *inode);
/* Sets a device node's or FIFO's operations, as Linux's. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
int notify_change(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);

/* ---- mounts (fs/namespace.c, fs/super.c) ----------------------------- */
extern struct list_head mount_list;	/* every mount, for /proc/mounts */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
struct super_block *sget_anon(struct file_system_type *type);
/* The mount on (mnt, dentry), or NULL; dcache_lock held. */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);
/* mount(2)'s core: fstype's new tree on the directory at path. */
int do_mount(const char *dev_name, const char *path, const char *fstype,
	     unsigned long flags, void *data);
/* umount2(2)'s core: the mount whose root is path (always lazy). */
int do_umount(const struct path *path, int flags);

/* mount(2)'s flags (<uapi/linux/mount.h>) */
#define MS_RDONLY	1
#define MS_NOSUID	2
#define MS_NODEV	4
#define MS_NOEXEC	8
#define MS_REMOUNT	32
#define MS_NOATIME	1024
#define MS_BIND		4096
#define MS_MOVE		8192
#define MS_UNBINDABLE	(1 << 17)
#define MS_PRIVATE	(1 << 18)
#define MS_SLAVE	(1 << 19)
#define MS_SHARED	(1 << 20)
#define MS_MGC_VAL	0xC0ED0000
#define MS_MGC_MSK	0xffff0000
/* What a vfsmount records (not enforced yet). */
#define MNT_FLAGS_KEPT	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | \
			 MS_NOATIME)
/* umount2(2)'s */
#define MNT_FORCE	1
#define MNT_DETACH	2
#define MNT_EXPIRE	4
#define UMOUNT_NOFOLLOW	8

/* The root of the namespace: what "/" is for a kernel thread. */
void get_root_path(struct path *root);

/* ---- path lookup (fs/namei.c) ---------------------------------------- */
#define LOOKUP_FOLLOW		0x0001	/* follow a final symlink */
#define LOOKUP_DIRECTORY	0x0002	/* the final one must be a dir */
#define LOOKUP_EMPTY		0x4000	/* "" means dfd itself */

/* The lookup an *at() call's AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH ask for. */
static inline unsigned int at_lookup_flags(int flags)
{
	return ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
	       ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0);
}

/* Resolves name from dfd (AT_FDCWD: the cwd) into *path (referenced). */
int kern_path_at(int dfd, const char *name, unsigned int flags,
		 struct path *path);
int kern_path(const char *name, unsigned int flags, struct path *path);
/*
 * The directory that would hold name's last component, and that
 * component: *last points into name (its length in *lastlen; 0 for
 * "/" or a name ending in "." or ".."); *trailing says it ended in '/'.
 */
int kern_path_parent(int dfd, const char *name, struct path *parent,
		     const char **last, unsigned int *lastlen,
		     bool *trailing);
/* dir's child name, referenced, or -ENOENT; dcache_lock held. */
int lookup_one_locked(struct dentry *dir, const char *name, unsigned int len,
		      struct dentry **res);

/* Into what is mounted on path, if anything (path stays referenced). */
void follow_mount_path(struct path *path);

/* What a last component is: "." and ".." cannot be made or removed. */
static inline bool name_is_dot_dotdot(const char *name, unsigned int len)
{
	return (len == 1 && name[0] == '.') ||
	       (len == 2 && name[0] == '.' && name[1] == '.');
}

/* A user path copied in: ERR_PTR(-EFAULT, -ENAMETOOLONG, -ENOENT). */
char *getname(const char __user *filename, bool empty_ok);
void putname(char *name);

/* ---- operations on names (fs/namei_ops.c) ---------------------------- */
int do_mkdirat(int dfd, const char *name, umode_t mode);
int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev);
int do_rmdir(int dfd, const char *name);
int do_unlinkat(int dfd, const char *name);
int do_symlinkat(const char *target, int newdfd, const char *newname);
int do_linkat(int olddfd, const char *oldname, int newdfd,
	      const char *newname, int flags);
int do_renameat2(int olddfd, const char *oldname, int newdfd,
		 const char *newname, unsigned int flags);
int do_readlinkat(int dfd, const char *name, char *buf, int bufsiz);
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode);

/* ---- open files (fs/open.c, fs/file_table.c) ------------------------- */
struct file *alloc_file(const struct path *path, int flags,
			const struct file_operations *fop);
struct file *get_file(struct file *file);
void fput(struct file *file);
/* Opens path as flags say (O_CREAT with mode): ERR_PTR(-errno). */
struct file *do_filp_open(int dfd, const char *name, int flags,
			  umode_t mode);
struct file *filp_open(const char *path, int flags, umode_t mode);
struct file *dentry_open(const struct path *path, int flags);
long do_sys_open(int dfd, const char *name, int flags, umode_t mode);
int do_faccessat(int dfd, const char *name, int mode, int flags);
int do_truncate(struct dentry *dentry, loff_t length);
int set_fs_pwd_path(const struct path *path);
/* Opens fds 0, 1 and 2 on /dev/console for current (Linux's init). */
void console_on_rootfs(void);

/* The path of path seen from root, built at the end of buf (d_path.c). */
char *d_path_root(const struct path *path, const struct path *root,
		  char *buf, int buflen);
long do_getcwd(char *buf, unsigned long size);
long ksys_dup(unsigned int fildes);
long ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long ksys_getdents64(unsigned int fd, void __user *dirent,
		     unsigned int count);

/* ---- reading and writing (fs/read_write.c) --------------------------- */
ssize_t kernel_read(struct file *file, void *buf, size_t count,
		    loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos);
ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
ssize_t ksys_read(unsigned int fd, char __user *buf, size_t count);
ssize_t ksys_write(unsigned int fd, const char __user *buf, size_t count);
off_t ksys_lseek(unsigned int fd, off_t offset, unsigned int whence);
int iterate_dir(struct file *file, struct dir_context *ctx);
long vfs_ioctl(struct file *file, unsigned int cmd, unsigned long arg);

/* ---- stat (fs/stat.c) ------------------------------------------------ */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink;
	u32 uid, gid;
	loff_t size;
	u64 blocks;
	unsigned int blksize;
	struct timespec64 atime, mtime, ctime;
};

void generic_fillattr(struct inode *inode, struct kstat *stat);
int vfs_getattr(const struct path *path, struct kstat *stat);
int vfs_fstat(int fd, struct kstat *stat);
int vfs_fstatat(int dfd, const char *name, struct kstat *stat, int flags);
void cp_new_stat(const struct kstat *stat, struct stat *st);

/* ---- character devices (fs/char_dev.c) ------------------------------- */
struct cdev {
	dev_t dev;
	unsigned int count;
	const struct file_operations *ops;
	struct list_head list;
};

/* Claims count minors from first for name: 0 or -EBUSY. */
int register_chrdev_region(dev_t first, unsigned int count,
			   const char *name);
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
/* Opening a node of a claimed device number now reaches cdev->ops. */
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
/* The name a device number was claimed for, or NULL. */
const char *chrdev_name(dev_t dev);
extern const struct file_operations def_chr_fops;

/* ---- tmpfs, the root, devtmpfs, the initramfs ------------------------ */
/* The tree of an in-memory fs (fs/ramfs/): a new super_block's root. */
struct dentry *ramfs_mount(struct file_system_type *type, int flags,
			   const char *dev_name, void *data);
/* Creates /dev/NAME (a path under /dev) in devtmpfs: 0 or -errno. */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
/*
 * Unpacks a cpio newc archive (several, zero-padded) into the root: NULL
 * or Linux's message ("no cpio magic"...).  What was unpacked stays.
 */
const char *unpack_to_rootfs(const char *buf, unsigned long len);

/* Helpers for simple file systems (fs/libfs.c). */
int simple_lookup(struct inode *dir, struct dentry *dentry);
int simple_link(struct dentry *old, struct inode *dir, struct dentry *new);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old_dentry,
		  struct inode *new_dir, struct dentry *new_dentry,
		  unsigned int flags);
bool simple_empty(struct dentry *dentry);
int dcache_readdir(struct file *file, struct dir_context *ctx);
bool dir_emit_dots(struct dentry *dir, struct dir_context *ctx);
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
extern const struct file_operations simple_dir_operations;

#endif /* _IRQLAB_FS_H */
