#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "infra/Random.h"
#include "infra/SecretBox.h"
#include "infra/blob/BlobFormat.h"
#include "infra/blob/BlobStore.h"
#include "support/TempDir.h"

using tessera::ErrorKind;
using tessera::infra::BlobStore;
using tessera::infra::SecretBox;
namespace fs = std::filesystem;
namespace blob = tessera::infra::blob;
namespace rnd = tessera::infra::random;

namespace {

SecretBox makeKek() {
    auto kek = SecretBox::create(SecretBox::generateKey());
    REQUIRE(kek.ok());
    return kek.value();
}

struct BlobFixture {
    tessera::test::TempDir tmp;
    SecretBox kek = makeKek();
    std::string dir = tmp.path() + "/blobs";
    BlobStore store{dir, kek};

    std::string path(const std::string& id) const { return dir + "/" + id; }

    std::string put(const std::string& plaintext, const std::string& context = "media:1") {
        auto id = store.put(plaintext, context);
        REQUIRE(id.ok());
        return *id;
    }

    std::vector<std::string> files() const {
        std::vector<std::string> names;
        if (!fs::exists(dir)) return names;
        for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
        return names;
    }
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

void requireCorrupt(const tessera::Result<std::string>& r) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "blob_corrupt");
    CHECK(r.error().kind == ErrorKind::Internal);
}

}  // namespace

TEST_CASE("BlobStore round-trips blobs of every framing size", "[blob]") {
    BlobFixture f;
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{65537},
                             std::size_t{5 * 1000 * 1000}}) {
        INFO("size " << size);
        const std::string plaintext = rnd::bytes(size);
        const std::string id = f.put(plaintext, "media:42");
        CHECK(BlobStore::isValidId(id));

        auto stored = f.store.size(id, "media:42");
        REQUIRE(stored.ok());
        CHECK(*stored == size);
        auto back = f.store.read(id, "media:42");
        REQUIRE(back.ok());
        CHECK(*back == plaintext);
        // Header, then one 16-byte tag per frame (an empty blob still has one frame).
        CHECK(fs::file_size(f.path(id)) == blob::kHeaderBytes + blob::frameCount(size) * 16 + size);
    }
}

TEST_CASE("BlobStore gives every put a fresh id and fresh ciphertext, in a private folder", "[blob]") {
    BlobFixture f;
    const std::string a = f.put("same photo"), b = f.put("same photo");
    CHECK(a != b);
    CHECK(readFile(f.path(a)) != readFile(f.path(b)));
    CHECK((fs::status(f.dir).permissions() & fs::perms::all) == fs::perms::owner_all);
    CHECK((fs::status(f.path(a)).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("BlobStore range reads decrypt exactly the bytes asked for, across frame borders", "[blob]") {
    BlobFixture f;
    const std::string plaintext = rnd::bytes(4 * 65536 + 1234);
    const std::string id = f.put(plaintext, "video:7");
    const std::uint64_t size = plaintext.size();

    struct Range { std::uint64_t offset, length; };
    for (Range r : {Range{0, 10}, Range{65530, 20}, Range{65536, 65536}, Range{65535, 2}, Range{100, 3 * 65536},
                    Range{0, size}, Range{size - 5, 100}, Range{4 * 65536, 1234}, Range{123, 0},
                    Range{0, ~std::uint64_t{0}}}) {
        INFO("offset " << r.offset << " length " << r.length);
        auto part = f.store.readRange(id, "video:7", r.offset, r.length);
        REQUIRE(part.ok());
        CHECK(*part == plaintext.substr(r.offset, r.length));
    }

    auto atEnd = f.store.readRange(id, "video:7", size, 0);
    REQUIRE(atEnd.ok());
    CHECK(atEnd->empty());
    for (std::uint64_t offset : {size, size + 1, ~std::uint64_t{0}}) {
        auto past = f.store.readRange(id, "video:7", offset, 1);
        REQUIRE_FALSE(past.ok());
        CHECK(past.error().code == "blob_range_invalid");
    }
}

TEST_CASE("BlobStore refuses a blob read with another row's context or another key", "[blob]") {
    BlobFixture f;
    const std::string id = f.put(rnd::bytes(70000), "media:1");

    requireCorrupt(f.store.read(id, "media:2"));
    requireCorrupt(f.store.read(id, ""));
    requireCorrupt(f.store.readRange(id, "media:2", 0, 10));
    auto size = f.store.size(id, "media:2");
    REQUIRE_FALSE(size.ok());
    CHECK(size.error().code == "blob_corrupt");

    BlobStore otherKey(f.dir, makeKek());
    requireCorrupt(otherKey.read(id, "media:1"));
}

TEST_CASE("BlobStore detects a flipped byte anywhere in the file and never returns partial plaintext", "[blob]") {
    BlobFixture f;
    const std::string plaintext = rnd::bytes(3 * 65536 + 10);
    const std::string id = f.put(plaintext);
    const std::string original = readFile(f.path(id));

    const std::size_t frame1 = blob::frameOffset(1);
    for (std::size_t at : {std::size_t{0}, std::size_t{4}, std::size_t{6}, std::size_t{12}, std::size_t{18},
                           std::size_t{22}, blob::kFixedHeaderBytes + 5, blob::kHeaderBytes, blob::kHeaderBytes + 65535,
                           frame1 + 1, frame1 + 65536 + 3, original.size() - 1}) {
        INFO("byte " << at);
        std::string damaged = original;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
        writeFile(f.path(id), damaged);
        requireCorrupt(f.store.read(id, "media:1"));
    }

    // A range read authenticates the frames it touches.
    std::string damaged = original;
    damaged[frame1 + 100] = static_cast<char>(damaged[frame1 + 100] ^ 0x80);
    writeFile(f.path(id), damaged);
    requireCorrupt(f.store.readRange(id, "media:1", 65530, 100));
    auto untouched = f.store.readRange(id, "media:1", 0, 100);
    REQUIRE(untouched.ok());
    CHECK(*untouched == plaintext.substr(0, 100));
}

TEST_CASE("BlobStore detects truncated and extended files", "[blob]") {
    BlobFixture f;
    const std::string plaintext = rnd::bytes(2 * 65536 + 10);
    const std::string id = f.put(plaintext);
    const std::string original = readFile(f.path(id));

    for (std::size_t length : {std::size_t{0}, std::size_t{10}, blob::kHeaderBytes, blob::kHeaderBytes + 100,
                               static_cast<std::size_t>(blob::frameOffset(2)), original.size() - 1}) {
        INFO("cut to " << length);
        writeFile(f.path(id), original.substr(0, length));
        requireCorrupt(f.store.read(id, "media:1"));
        requireCorrupt(f.store.readRange(id, "media:1", 0, 10));
    }
    writeFile(f.path(id), original + "PK\x03\x04");
    requireCorrupt(f.store.read(id, "media:1"));

    SECTION("an empty blob without its one frame") {
        const std::string empty = f.put("");
        writeFile(f.path(empty), readFile(f.path(empty)).substr(0, blob::kHeaderBytes));
        requireCorrupt(f.store.read(empty, "media:1"));
    }
}

TEST_CASE("BlobStore detects reordered frames and a blob moved to another id", "[blob]") {
    BlobFixture f;
    const std::string plaintext = rnd::bytes(3 * 65536);
    const std::string id = f.put(plaintext);
    const std::string original = readFile(f.path(id));
    const std::size_t frame = 65536 + 16;

    std::string swapped = original;
    swapped.replace(blob::frameOffset(0), frame, original.substr(blob::frameOffset(1), frame));
    swapped.replace(blob::frameOffset(1), frame, original.substr(blob::frameOffset(0), frame));
    writeFile(f.path(id), swapped);
    requireCorrupt(f.store.read(id, "media:1"));
    requireCorrupt(f.store.readRange(id, "media:1", 0, 10));

    // A whole blob copied over another one (same context) is refused too: the id is bound in.
    writeFile(f.path(id), original);
    const std::string other = f.put(rnd::bytes(3 * 65536));
    writeFile(f.path(other), original);
    requireCorrupt(f.store.read(other, "media:1"));
    CHECK(f.store.read(id, "media:1").ok());

    // Frames from another blob of the same size, same context: different data key.
    std::string mixed = original;
    mixed.replace(blob::frameOffset(1), frame, readFile(f.path(f.put(rnd::bytes(3 * 65536)))).substr(blob::frameOffset(1), frame));
    writeFile(f.path(id), mixed);
    requireCorrupt(f.store.read(id, "media:1"));
}

TEST_CASE("BlobStore answers not found for unknown and malformed ids, and never leaves its folder", "[blob]") {
    BlobFixture f;
    const std::string id = f.put("kept");
    writeFile(f.tmp.path() + "/outside", "not a blob");

    for (const std::string& bad : {rnd::id(), std::string("../outside"), std::string("/etc/passwd"),
                                  std::string("../../../../etc/passwd"), id.substr(0, 31), id + "0",
                                  std::string(32, 'A'), std::string(31, 'a') + "/", std::string(31, '0') + '\0', std::string()}) {
        INFO("id " << bad);
        auto read = f.store.read(bad, "media:1");
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().kind == ErrorKind::NotFound);
        CHECK(read.error().code == "blob_not_found");
        CHECK_FALSE(f.store.size(bad, "media:1").ok());
        CHECK_FALSE(f.store.readRange(bad, "media:1", 0, 1).ok());
        CHECK(f.store.remove(bad).ok());
    }
    CHECK(readFile(f.tmp.path() + "/outside") == "not a blob");
    CHECK(f.store.read(id, "media:1").ok());
}

TEST_CASE("BlobStore remove is idempotent", "[blob]") {
    BlobFixture f;
    const std::string id = f.put("to be deleted");
    CHECK(f.store.remove(id).ok());
    CHECK(f.store.remove(id).ok());
    auto gone = f.store.read(id, "media:1");
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().code == "blob_not_found");
    CHECK(f.files().empty());
}

TEST_CASE("BlobStore sweeps temporary files left by a crash, and only those", "[blob]") {
    BlobFixture f;
    const std::string id = f.put("a finished blob");
    writeFile(f.dir + "/.tmp-" + rnd::id(), "half-written ciphertext");
    writeFile(f.dir + "/.tmp-" + rnd::id(), "");
    CHECK(f.store.sweepTemporaryFiles() == 2);
    CHECK(f.files() == std::vector<std::string>{id});
    CHECK(f.store.sweepTemporaryFiles() == 0);
    CHECK(f.store.read(id, "media:1").ok());
}

TEST_CASE("BlobStore leaves nothing behind when a write fails", "[blob]") {
    tessera::test::TempDir tmp;
    const SecretBox kek = makeKek();

    SECTION("the folder's parent does not exist") {
        BlobStore store(tmp.path() + "/missing/blobs", kek);
        auto id = store.put("passport photo", "media:1");
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == "blob_write_failed");
        CHECK(id.error().kind == ErrorKind::Unavailable);
        CHECK_FALSE(fs::exists(tmp.path() + "/missing"));
    }
    SECTION("a file stands where the folder should be") {
        writeFile(tmp.path() + "/blobs", "in the way");
        BlobStore store(tmp.path() + "/blobs", kek);
        auto id = store.put("passport photo", "media:1");
        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == "blob_write_failed");
        CHECK(readFile(tmp.path() + "/blobs") == "in the way");
        CHECK(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 1);
    }
    SECTION("the disk fills up part-way through the write") {
        // RLIMIT_FSIZE makes write() fail with EFBIG after 100 kB, even for root.
        const std::string dir = tmp.path() + "/blobs";
        BlobStore store(dir, kek);
        struct sigaction ignore {}, previous {};
        ignore.sa_handler = SIG_IGN;
        REQUIRE(sigaction(SIGXFSZ, &ignore, &previous) == 0);
        rlimit saved{};
        REQUIRE(getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit small = saved;
        small.rlim_cur = 100 * 1024;
        REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
        auto id = store.put(rnd::bytes(1024 * 1024), "media:1");
        setrlimit(RLIMIT_FSIZE, &saved);
        sigaction(SIGXFSZ, &previous, nullptr);

        REQUIRE_FALSE(id.ok());
        CHECK(id.error().code == "blob_write_failed");
        CHECK(fs::is_empty(dir));
    }
}

TEST_CASE("BlobStore never writes plaintext to disk", "[blob]") {
    BlobFixture f;
    std::string plaintext;
    for (int i = 0; i < 5000; ++i) plaintext += "PASSPORT-OF-JANE-CITIZEN ";
    const std::string id = f.put(plaintext);
    f.put("PASSPORT-OF-JANE-CITIZEN");
    for (const auto& name : f.files()) {
        const std::string bytes = readFile(f.dir + "/" + name);
        CHECK(bytes.find("PASSPORT-OF") == std::string::npos);
        CHECK(bytes.find("JANE") == std::string::npos);
    }
    CHECK(f.store.read(id, "media:1").ok());
}
