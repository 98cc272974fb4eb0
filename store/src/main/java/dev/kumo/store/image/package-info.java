/**
 * Images in the store module: {@link dev.kumo.store.image.SqlImageStore} keeps image records, members, tags
 * and properties in the shared {@link dev.kumo.store.Database} ({@code db/migration/V3__image.sql});
 * {@link dev.kumo.store.image.FilesystemImageDataStore} keeps image bytes in files under the state directory's
 * {@code images/}; {@link dev.kumo.store.image.QemuImgInspector} probes those files with {@code qemu-img}.
 *
 * <p>The file store lives here rather than in a module of its own because it is persistence too, small,
 * and has no dependency the store module does not already have; a remote data store (Ceph, Swift) would
 * get its own module.
 */
package dev.kumo.store.image;
