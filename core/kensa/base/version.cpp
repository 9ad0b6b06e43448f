#include <kensa/base/version.h>

namespace kensa {

const char* version() {
    return KENSA_VERSION;
}

}  // namespace kensa
