#include "infra/media/MediaSniffer.h"

namespace tessera::infra::media {

MediaKind sniff(std::string_view bytes) {
    if (bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return MediaKind::Jpeg;
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return MediaKind::Png;
    if (bytes.substr(0, 4) == std::string_view("\x1A\x45\xDF\xA3", 4)) return MediaKind::Webm;
    if (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp") return MediaKind::Mp4;
    return MediaKind::Unknown;
}

}  // namespace tessera::infra::media
