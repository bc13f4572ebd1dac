#include "signin/RefreshSchedule.h"

#include <algorithm>

namespace tessera::reviewer {

qint64 refreshDelaySeconds(qint64 remaining, qint64 lifetime, qint64 margin) {
    if (margin < 0) margin = std::clamp<qint64>(lifetime / 5, 5, 60);
    return std::max<qint64>(1, remaining - margin);
}

}  // namespace tessera::reviewer
