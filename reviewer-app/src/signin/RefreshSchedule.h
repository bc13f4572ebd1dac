#pragma once
// When to refresh an access token: a margin before it expires, so a request never leaves with
// a token about to lapse. The margin is a fifth of the lifetime, between 5 s and 60 s, unless
// set; the wait is never under a second (a server handing out very short tokens must not make
// the workstation hammer it).
#include <QtGlobal>

namespace tessera::reviewer {

// Seconds from now until the refresh; `remaining` is the access token's lifetime left,
// `lifetime` its whole lifetime, `margin` < 0 for the default.
qint64 refreshDelaySeconds(qint64 remaining, qint64 lifetime, qint64 margin = -1);

// After a refresh that got no answer: wait this long before the next try.
inline constexpr qint64 kRefreshRetrySeconds = 15;

}  // namespace tessera::reviewer
