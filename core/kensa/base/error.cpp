#include <kensa/base/error.h>

namespace kensa {

Error file_error(const std::filesystem::path& path, const std::string& reason) {
    return Error(path.string() + ": " + reason);
}

}  // namespace kensa
