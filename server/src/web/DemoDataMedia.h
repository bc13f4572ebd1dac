#pragma once
// Pictures for the demo applications, drawn in memory at start-up: the front and back of an
// identity card-like document (a coloured band, a photo box, lines standing for printed text,
// and on the back a machine-readable zone of bars). Plain JPEGs, so they go through the same
// upload checks (decoded, re-encoded, encrypted) as a citizen's photos.
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::web::demo {

enum class CardSide { Front, Back };

// An 800 x 504 JPEG; `hue` (0..359) tells one citizen's document from another's.
Result<std::string> documentPhoto(CardSide side, int hue);

}  // namespace tessera::web::demo
