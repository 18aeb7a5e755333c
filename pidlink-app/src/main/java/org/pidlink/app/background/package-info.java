/**
 * Background work shared by the features: {@link org.pidlink.app.background.BackgroundWorker} (threads taking
 * turns, wake-up, graceful stop) and {@link org.pidlink.app.background.AfterCommit}. Depends on no feature.
 */
@NullMarked
package org.pidlink.app.background;

import org.jspecify.annotations.NullMarked;
