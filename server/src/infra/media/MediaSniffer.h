#pragma once
// What a file is, judged only by its first bytes (names and declared types are not trusted).
#include <string_view>

namespace tessera::infra::media {

enum class MediaKind { Unknown, Jpeg, Png, Webm, Mp4 };

// Webm means an EBML header (the DocType is checked by the WebM reader); Mp4 means an ISO BMFF
// 'ftyp' box first (the brand is checked by the MP4 reader).
MediaKind sniff(std::string_view bytes);

}  // namespace tessera::infra::media
