/** Bounded JSON reading with errors that name the JSON path, and helpers for lenient field access. Internal. */
package org.pidlink.core.metadata.json;
