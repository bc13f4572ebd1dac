// Register matching at scale: a synthetic register of a million people, loaded the way the
// server loads its built-in registers, and the latency of the matches LoA 1 needs.
//
//   tessera-bench-registers [--people N] [--matches M] [--seed S] [--dir DIR]
//
// 1. Writes the four registers (tessera-register-gen's code) into a temporary folder, or
//    uses DIR, which must hold files generated with the same --people and --seed.
// 2. Loads each with CsvRegister: wall time, and the process's resident memory after.
// 3. Runs M vital-record matches, one at a time on one thread: half for people in the
//    register (re-created from the seed; a quarter of those typed in capitals, a quarter
//    with the first given name only), half for people who are not (names of another
//    population, so the date of birth still finds candidates). Then M/4 address matches
//    of people in the register. Latency is wall time per match (steady_clock), which other
//    programs on the machine can only make worse, and this thread's CPU time per match,
//    which they do not touch: the gap between the two is time spent waiting for a core.
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/registers/AddressMatcher.h"
#include "core/registers/NameVariants.h"
#include "core/registers/VitalRecordMatcher.h"
#include "infra/registers/CsvRegister.h"
#include "infra/registers/SyntheticRegisters.h"

using namespace tessera;
using Steady = std::chrono::steady_clock;

namespace {

std::string argOr(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

double secondsSince(Steady::time_point start) { return std::chrono::duration<double>(Steady::now() - start).count(); }

// Resident set size of this process, in MiB (from /proc/self/status).
double rssMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

std::uint64_t fileBytes(const std::string& path) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : n;
}

double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

struct Latencies {
    std::vector<double> micros, cpuMicros;  // wall time, and this thread's CPU time
    std::map<std::string, int> outcomes;
    static double percentile(const std::vector<double>& sorted, double p) {
        if (sorted.empty()) return 0;
        return sorted[static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1))];
    }
    void add(Steady::time_point start, double cpuStart, const std::string& outcome) {
        micros.push_back(std::chrono::duration<double, std::micro>(Steady::now() - start).count());
        cpuMicros.push_back(threadCpuMicros() - cpuStart);
        ++outcomes[outcome];
    }
};

void row(const std::string& figure, const std::string& value) { std::printf("| %s | %s |\n", figure.c_str(), value.c_str()); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string percentiles(std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    return fixed(Latencies::percentile(v, 50), 1) + " / " + fixed(Latencies::percentile(v, 95), 1) + " / " +
           fixed(Latencies::percentile(v, 99), 1) + " / " + fixed(v.back(), 1);
}

void report(const std::string& what, Latencies& l) {
    std::string outcomes;
    for (const auto& [name, count] : l.outcomes) outcomes += (outcomes.empty() ? "" : ", ") + name + " " + std::to_string(count);
    row(what + ": matches", std::to_string(l.micros.size()) + " (" + outcomes + ")");
    row(what + ": wall time p50 / p95 / p99 / max (µs)", percentiles(l.micros));
    row(what + ": CPU time p50 / p95 / p99 / max (µs)", percentiles(l.cpuMicros));
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t people = std::stoull(argOr(argc, argv, "--people", "1000000"));
    const std::uint64_t matches = std::stoull(argOr(argc, argv, "--matches", "200000"));
    const std::uint64_t seed = std::stoull(argOr(argc, argv, "--seed", "1"));
    std::string dir = argOr(argc, argv, "--dir", "");
    const bool temporary = dir.empty();
    if (people == 0) {
        std::cerr << "--people must be at least 1\n";
        return 2;
    }

    std::printf("| figure | value |\n| --- | --- |\n");
    row("people", std::to_string(people));
    row("RSS at start (MiB)", fixed(rssMiB(), 1));
    if (temporary) {
        char pattern[] = "/tmp/tessera-bench-registers-XXXXXX";
        if (!::mkdtemp(pattern)) {
            std::cerr << "cannot make a temporary folder\n";
            return 1;
        }
        dir = pattern;
        const auto start = Steady::now();
        const auto written = infra::writeSyntheticRegisters(dir, people, seed);
        if (!written) {
            std::cerr << written.error().message << "\n";
            return 1;
        }
        row("generate the four CSV files (s)", fixed(secondsSince(start), 2));
        row("rows: vital records / addresses / known facts / documents",
            std::to_string(written->people) + " / " + std::to_string(written->addresses) + " / " +
                std::to_string(written->knownFacts) + " / " + std::to_string(written->documents));
    }

    std::map<infra::RegisterKind, std::unique_ptr<infra::CsvRegister>> registers;
    for (auto kind : infra::kAllRegisterKinds) {
        const std::string path = dir + "/" + std::string(infra::sampleFileName(kind));
        const auto start = Steady::now();
        auto loaded = infra::CsvRegister::load(kind, path);
        if (!loaded) {
            std::cerr << loaded.error().message << "\n";
            return 1;
        }
        const double seconds = secondsSince(start);
        const std::string name(infra::toString(kind));
        row("load " + name + " (" + fixed(double(fileBytes(path)) / (1 << 20), 0) + " MiB file, " +
                std::to_string(loaded.value()->size()) + " rows) (s)",
            fixed(seconds, 2));
        row(name + " in memory: rows + index (MiB)", fixed(double(loaded.value()->memoryBytes()) / (1 << 20), 1));
        registers[kind] = std::move(loaded).value();
    }
    row("RSS with the four registers loaded (MiB)", fixed(rssMiB(), 1));
    if (temporary)
        for (auto kind : infra::kAllRegisterKinds) std::remove((dir + "/" + std::string(infra::sampleFileName(kind))).c_str());
    if (temporary) ::rmdir(dir.c_str());

    auto variants = core::NameVariants::load(std::string(TESSERA_SOURCE_DIR) + "/resources/registers/name-variants.csv");
    if (!variants) {
        std::cerr << variants.error().message << "\n";
        return 1;
    }
    core::VitalRecordMatcher vital(*registers[infra::RegisterKind::VitalRecords], *variants);
    core::AddressMatcher address(*registers[infra::RegisterKind::Addresses]);

    Latencies existing, missing, addresses;
    for (std::uint64_t k = 0; k < matches; ++k) {
        const std::uint64_t i = (k * 2654435761ULL + seed) % people;
        const bool present = k % 2 == 0;
        const auto p = infra::syntheticPerson(present ? seed : seed + 7777, i);
        core::VitalRecordClaim claim{p.givenNames, p.familyName, p.dateOfBirth, p.sex, "", ""};
        if (present && k % 8 == 2) claim.familyName = upper(claim.familyName);
        if (present && k % 8 == 4) claim.givenNames = claim.givenNames.substr(0, claim.givenNames.find(' '));
        const double cpu = threadCpuMicros();
        const auto start = Steady::now();
        const auto result = vital.match(claim);
        (present ? existing : missing).add(start, cpu, result ? std::string(core::toString(result->outcome)) : "error");
    }
    for (std::uint64_t k = 0; k < matches / 4; ++k) {
        const auto p = infra::syntheticPerson(seed, (k * 40503ULL + 7) % people);
        const double cpu = threadCpuMicros();
        const auto start = Steady::now();
        const auto result = address.match({p.line1, p.line2, p.town, p.postcode});
        addresses.add(start, cpu, result ? std::string(core::toString(result->outcome)) : "error");
    }
    // The register's own share: the lookup by date of birth, without any matching.
    Latencies lookups;
    auto& births = *registers[infra::RegisterKind::VitalRecords];
    std::size_t candidates = 0;
    for (std::uint64_t k = 0; k < matches / 4; ++k) {
        const auto p = infra::syntheticPerson(seed, (k * 40503ULL + 11) % people);
        const std::string key = infra::registers::vitalRecordKey(p.dateOfBirth);
        const double cpu = threadCpuMicros();
        const auto start = Steady::now();
        const auto rows = births.lookup(key);
        lookups.add(start, cpu, "found");
        candidates += rows->size();
    }
    row("vital-records lookups by date of birth alone: rows per lookup (mean)",
        fixed(double(candidates) / double(lookups.micros.size()), 1));
    row("vital-records lookups alone: CPU time p50 / p95 / p99 / max (µs)", percentiles(lookups.cpuMicros));
    report("vital records, people in the register", existing);
    report("vital records, people not in the register", missing);
    report("addresses, people in the register", addresses);
    return 0;
}
