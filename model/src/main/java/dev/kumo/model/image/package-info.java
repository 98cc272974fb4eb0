/**
 * Glance v2 resources as values: {@link dev.kumo.model.image.Image} with its custom properties and tags,
 * and {@link dev.kumo.model.image.ImageMember}, the sharing of an image with another project.
 */
package dev.kumo.model.image;
