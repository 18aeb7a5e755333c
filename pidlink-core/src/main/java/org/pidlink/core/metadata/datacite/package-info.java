/** Readers for DataCite metadata: the XML kernels 2.x to 4.7 and the REST API's JSON. Internal. */
package org.pidlink.core.metadata.datacite;
