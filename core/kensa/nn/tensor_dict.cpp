#include <kensa/nn/tensor_dict.h>

#include <kensa/base/error.h>

#include <cstring>
#include <sstream>

namespace kensa::nn {

namespace {

torch::ScalarType to_scalar_type(io::DType d) {
    switch (d) {
        case io::DType::F64:
            return torch::kFloat64;
        case io::DType::F32:
            return torch::kFloat32;
        case io::DType::F16:
            return torch::kFloat16;
        case io::DType::BF16:
            return torch::kBFloat16;
        case io::DType::I64:
            return torch::kInt64;
        case io::DType::I32:
            return torch::kInt32;
        case io::DType::I16:
            return torch::kInt16;
        case io::DType::I8:
            return torch::kInt8;
        case io::DType::U8:
            return torch::kUInt8;
        case io::DType::Bool:
            return torch::kBool;
    }
    throw Error("unsupported dtype");
}

io::DType to_dtype(torch::ScalarType t) {
    switch (t) {
        case torch::kFloat64:
            return io::DType::F64;
        case torch::kFloat32:
            return io::DType::F32;
        case torch::kFloat16:
            return io::DType::F16;
        case torch::kBFloat16:
            return io::DType::BF16;
        case torch::kInt64:
            return io::DType::I64;
        case torch::kInt32:
            return io::DType::I32;
        case torch::kInt16:
            return io::DType::I16;
        case torch::kInt8:
            return io::DType::I8;
        case torch::kUInt8:
            return io::DType::U8;
        case torch::kBool:
            return io::DType::Bool;
        default:
            throw Error(std::string("cannot store tensors of type ") + c10::toString(t));
    }
}

std::string shape_string(c10::IntArrayRef s) {
    std::ostringstream os;
    os << s;
    return os.str();
}

}  // namespace

TensorDict to_tensor_dict(const io::TensorArchive& archive) {
    TensorDict out;
    for (const auto& rec : archive.tensors) {
        auto t = torch::empty(rec.shape, torch::TensorOptions().dtype(to_scalar_type(rec.dtype)));
        std::memcpy(t.data_ptr(), rec.data.data(), rec.data.size());
        out.emplace(rec.name, std::move(t));
    }
    return out;
}

io::TensorArchive to_archive(const TensorDict& tensors, std::map<std::string, std::string> metadata) {
    io::TensorArchive archive;
    archive.metadata = std::move(metadata);
    for (const auto& [name, tensor] : tensors) {
        const auto t = tensor.detach().to(torch::kCPU).contiguous();
        io::TensorRecord rec;
        rec.name = name;
        rec.dtype = to_dtype(t.scalar_type());
        rec.shape.assign(t.sizes().begin(), t.sizes().end());
        rec.data.resize(static_cast<size_t>(t.numel()) * t.element_size());
        std::memcpy(rec.data.data(), t.data_ptr(), rec.data.size());
        archive.tensors.push_back(std::move(rec));
    }
    return archive;
}

TensorDict with_prefix(const TensorDict& tensors, const std::string& prefix) {
    TensorDict out;
    for (const auto& [name, t] : tensors)
        out.emplace(prefix + name, t);
    return out;
}

TensorDict strip_prefix(const TensorDict& tensors, const std::string& prefix) {
    TensorDict out;
    for (const auto& [name, t] : tensors)
        if (name.starts_with(prefix))
            out.emplace(name.substr(prefix.size()), t);
    return out;
}

TensorDict module_state(const torch::nn::Module& module) {
    TensorDict out;
    for (const auto& p : module.named_parameters(/*recurse=*/true))
        out.emplace(p.key(), p.value());
    for (const auto& b : module.named_buffers(/*recurse=*/true))
        out.emplace(b.key(), b.value());
    return out;
}

void load_module_state(torch::nn::Module& module, const TensorDict& tensors, const std::string& source) {
    const TensorDict expected = module_state(module);
    std::vector<std::string> problems;
    for (const auto& [name, target] : expected) {
        auto it = tensors.find(name);
        if (it == tensors.end()) {
            problems.push_back("missing '" + name + "' " + shape_string(target.sizes()));
            continue;
        }
        const auto& src = it->second;
        if (src.sizes() != target.sizes())
            problems.push_back("'" + name + "' has shape " + shape_string(src.sizes()) + ", expected " +
                               shape_string(target.sizes()));
        else if (src.scalar_type() != target.scalar_type())
            problems.push_back("'" + name + "' has dtype " + c10::toString(src.scalar_type()) +
                               ", expected " + c10::toString(target.scalar_type()));
    }
    for (const auto& [name, src] : tensors)
        if (!expected.count(name))
            problems.push_back("unexpected '" + name + "'");
    if (!problems.empty()) {
        std::string msg =
            source + ": weights do not fit the model (" + std::to_string(problems.size()) + " problems):";
        const size_t shown = std::min<size_t>(problems.size(), 8);
        for (size_t i = 0; i < shown; ++i)
            msg += "\n  " + problems[i];
        if (shown < problems.size())
            msg += "\n  ... and " + std::to_string(problems.size() - shown) + " more";
        throw Error(msg);
    }
    torch::NoGradGuard no_grad;
    for (auto& [name, target] : expected)
        const_cast<torch::Tensor&>(target).copy_(tensors.at(name));
}

void load_module_weights(torch::nn::Module& module, const std::filesystem::path& path) {
    load_module_state(module, to_tensor_dict(io::read_safetensors(path)), path.string());
}

void save_module_weights(const torch::nn::Module& module, const std::filesystem::path& path,
                         std::map<std::string, std::string> metadata) {
    io::write_safetensors(path, to_archive(module_state(module), std::move(metadata)));
}

}  // namespace kensa::nn
