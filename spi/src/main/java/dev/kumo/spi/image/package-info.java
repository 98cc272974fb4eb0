/**
 * Contracts for image data: {@link dev.kumo.spi.image.ImageDataStore} keeps the bytes of images (staging,
 * atomic commit, ranged reads) and {@link dev.kumo.spi.image.DiskFormatInspector} tells what format a file
 * really is, so an upload labelled qcow2 must be qcow2.
 */
package dev.kumo.spi.image;
