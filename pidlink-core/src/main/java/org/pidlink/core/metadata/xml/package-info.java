/**
 * Hardened StAX reading of XML metadata into a small element tree. No DTDs, no entities, bounded size and depth.
 * Internal to the metadata readers.
 */
package org.pidlink.core.metadata.xml;
