package io.lambdaretail.ingest;

import java.io.Serializable;

/**
 * A piece of an input file one task reads.
 *
 * @param file the file's URI
 * @param start first byte of the compressed (or plain) file this unit covers
 * @param length bytes covered
 * @param splittable whether lines are found by Hadoop's split rules (plain, multi-block xz) or the
 *     whole file is read from its start (gzip, bzip2)
 */
public record ReadUnit(String file, long start, long length, boolean splittable)
    implements Serializable {}
