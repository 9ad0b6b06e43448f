#include <kensa/io/safetensors.h>

#include <kensa/base/atomic_file.h>
#include <kensa/base/error.h>
#include <kensa/base/file_bytes.h>
#include <kensa/io/json_number.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <numeric>

static_assert(std::endian::native == std::endian::little, "Kensa assumes a little-endian host");

namespace kensa::io {

namespace {

constexpr std::array<std::pair<DType, const char*>, 10> kDTypeNames{{
    {DType::F64, "F64"},
    {DType::F32, "F32"},
    {DType::F16, "F16"},
    {DType::BF16, "BF16"},
    {DType::I64, "I64"},
    {DType::I32, "I32"},
    {DType::I16, "I16"},
    {DType::I8, "I8"},
    {DType::U8, "U8"},
    {DType::Bool, "BOOL"},
}};

// A header larger than this is not a weights file but garbage (the reference implementation uses 100 MB).
constexpr uint64_t kMaxHeaderBytes = 100u << 20;

Error bad(const std::string& source, const std::string& reason) {
    return Error(source + ": not a valid safetensors file: " + reason);
}

// A number of the header, with the file named when it is out of range.
template <class T>
T header_number(const nlohmann::json& j, const std::string& source, const std::string& what) {
    try {
        return json_number<T>(j, what);
    } catch (const Error& e) {
        throw bad(source, e.what());
    }
}

}  // namespace

std::string to_string(DType dtype) {
    for (const auto& [d, name] : kDTypeNames)
        if (d == dtype)
            return name;
    return "?";
}

std::optional<DType> parse_dtype(const std::string& name) {
    for (const auto& [d, n] : kDTypeNames)
        if (name == n)
            return d;
    return std::nullopt;
}

size_t element_size(DType dtype) {
    switch (dtype) {
        case DType::F64:
        case DType::I64:
            return 8;
        case DType::F32:
        case DType::I32:
            return 4;
        case DType::F16:
        case DType::BF16:
        case DType::I16:
            return 2;
        case DType::I8:
        case DType::U8:
        case DType::Bool:
            return 1;
    }
    return 0;
}

int64_t TensorRecord::numel() const {
    return std::accumulate(shape.begin(), shape.end(), int64_t{1}, std::multiplies<>());
}

const TensorRecord* TensorArchive::find(const std::string& name) const {
    auto it =
        std::find_if(tensors.begin(), tensors.end(), [&](const TensorRecord& t) { return t.name == name; });
    return it == tensors.end() ? nullptr : &*it;
}

TensorArchive parse_safetensors(std::span<const std::byte> bytes, const std::string& source) {
    if (bytes.size() < 8)
        throw bad(source, "shorter than the 8-byte header length (truncated?)");
    uint64_t header_len = 0;
    std::memcpy(&header_len, bytes.data(), 8);
    if (header_len > kMaxHeaderBytes)
        throw bad(source, "header length " + std::to_string(header_len) + " is implausible");
    if (8 + header_len > bytes.size())
        throw bad(source, "header of " + std::to_string(header_len) +
                              " bytes runs past the end of the file (truncated?)");

    nlohmann::json header;
    try {
        header = nlohmann::json::parse(reinterpret_cast<const char*>(bytes.data() + 8),
                                       reinterpret_cast<const char*>(bytes.data() + 8 + header_len));
    } catch (const nlohmann::json::exception& e) {
        throw bad(source, std::string("header is not JSON (") + e.what() + ")");
    }
    if (!header.is_object())
        throw bad(source, "header is not a JSON object");

    const auto data = bytes.subspan(8 + header_len);
    TensorArchive archive;
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    for (const auto& [name, entry] : header.items()) {
        if (name == "__metadata__") {
            if (!entry.is_object())
                throw bad(source, "__metadata__ is not an object");
            for (const auto& [k, v] : entry.items()) {
                if (!v.is_string())
                    throw bad(source, "__metadata__." + k + " is not a string");
                archive.metadata[k] = v.get<std::string>();
            }
            continue;
        }
        try {
            TensorRecord t;
            t.name = name;
            const auto dtype = parse_dtype(entry.at("dtype").get<std::string>());
            if (!dtype)
                throw bad(source, "tensor '" + name + "' has unknown dtype " + entry.at("dtype").dump());
            t.dtype = *dtype;
            for (const auto& d : entry.at("shape")) {
                const auto v = header_number<int64_t>(d, source, "tensor '" + name + "' dimension");
                if (v < 0)
                    throw bad(source, "tensor '" + name + "' has a negative dimension");
                t.shape.push_back(v);
            }
            const auto& off = entry.at("data_offsets");
            if (!off.is_array() || off.size() != 2)
                throw bad(source, "tensor '" + name + "' data_offsets is not [begin, end]");
            const auto begin = header_number<uint64_t>(off[0], source, "tensor '" + name + "' data offset"),
                       end = header_number<uint64_t>(off[1], source, "tensor '" + name + "' data offset");
            // The product of a hostile shape can overflow: computed with a check, before numel() is trusted.
            uint64_t expected = element_size(t.dtype);
            for (const int64_t v : t.shape)
                if (__builtin_mul_overflow(expected, static_cast<uint64_t>(v), &expected))
                    throw bad(source, "tensor '" + name + "' has a shape too large for any file");
            if (end < begin || end - begin != expected)
                throw bad(source, "tensor '" + name + "' holds " + std::to_string(end - begin) +
                                      " bytes but its shape and dtype need " + std::to_string(expected));
            if (end > data.size())
                throw bad(source, "tensor '" + name + "' ends at byte " + std::to_string(end) + " of a " +
                                      std::to_string(data.size()) + "-byte data section (truncated?)");
            t.data.assign(data.begin() + static_cast<std::ptrdiff_t>(begin),
                          data.begin() + static_cast<std::ptrdiff_t>(end));
            ranges.emplace_back(begin, end);
            archive.tensors.push_back(std::move(t));
        } catch (const nlohmann::json::exception& e) {
            throw bad(source, "tensor '" + name + "' entry is malformed (" + e.what() + ")");
        }
    }
    // Present tensors in file (data offset) order; the JSON object itself is unordered.
    std::vector<size_t> order(archive.tensors.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a] < ranges[b]; });
    std::vector<TensorRecord> sorted;
    sorted.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && ranges[order[i]].first < ranges[order[i - 1]].second)
            throw bad(source, "tensors '" + archive.tensors[order[i - 1]].name + "' and '" +
                                  archive.tensors[order[i]].name + "' overlap in the data section");
        sorted.push_back(std::move(archive.tensors[order[i]]));
    }
    archive.tensors = std::move(sorted);
    return archive;
}

TensorArchive read_safetensors(const std::filesystem::path& path) {
    return parse_safetensors(read_regular_file(path, /*allow_empty=*/true), path.string());
}

std::vector<std::byte> serialize_safetensors(const TensorArchive& archive) {
    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!archive.metadata.empty())
        header["__metadata__"] = archive.metadata;
    uint64_t offset = 0;
    for (const auto& t : archive.tensors) {
        const uint64_t expected = static_cast<uint64_t>(t.numel()) * element_size(t.dtype);
        if (t.data.size() != expected)
            throw Error("tensor '" + t.name + "': " + std::to_string(t.data.size()) +
                        " bytes for a shape that needs " + std::to_string(expected));
        header[t.name] = {
            {"dtype", to_string(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + expected}}};
        offset += expected;
    }
    std::string text = header.dump();
    text.append((8 - text.size() % 8) % 8,
                ' ');  // keep the data section 8-byte aligned, as the reference writer does
    const uint64_t header_len = text.size();

    std::vector<std::byte> out(8 + header_len + offset);
    std::memcpy(out.data(), &header_len, 8);
    std::memcpy(out.data() + 8, text.data(), header_len);
    auto* cursor = out.data() + 8 + header_len;
    for (const auto& t : archive.tensors) {
        if (t.data.empty())  // a tensor with a 0 in its shape: data() may be null, which memcpy must not get
            continue;
        std::memcpy(cursor, t.data.data(), t.data.size());
        cursor += t.data.size();
    }
    return out;
}

void write_safetensors(const std::filesystem::path& path, const TensorArchive& archive) {
    write_file_atomically(path, serialize_safetensors(archive));
}

}  // namespace kensa::io
