/** {@code produce}: feeds a Kafka topic from a file of JSON lines or from generated events. */
package io.lambdaretail.produce;
