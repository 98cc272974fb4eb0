/**
 * Glance v2 at {@code /image}: version discovery, schemas, images (JSON-patch updates, tags, actions), image
 * data (streamed upload and ranged download, stage and import), members and the info documents. Faults are
 * rendered as Glance's webob does ({@link dev.kumo.api.image.GlanceFaults}).
 */
package dev.kumo.api.image;
