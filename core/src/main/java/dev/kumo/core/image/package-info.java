/**
 * The image service (Glance v2): {@link dev.kumo.core.image.ImageService} for image records (create, list,
 * show, JSON-patch updates, tags, delete, deactivate), {@link dev.kumo.core.image.ImageDataService} for their
 * bytes (upload, download, stage and import, checked against the declared disk format, within a per-project
 * storage quota) and {@link dev.kumo.core.image.MemberService} for sharing. {@link dev.kumo.core.image.ImageAccess}
 * holds Glance's visibility and ownership rules. Error messages follow Glance's wording.
 */
package dev.kumo.core.image;
