#include <kensa/base/error.h>
#include <kensa/io/json_number.h>

#include <gtest/gtest.h>

using kensa::io::json_number;
using nlohmann::json;

TEST(JsonNumber, TakesWholeNumbersInRangeWhateverTheirJsonType) {
    EXPECT_EQ(json_number<int>(json::parse("224"), "size"), 224);
    EXPECT_EQ(json_number<int>(json::parse("-3"), "stage"), -3);
    EXPECT_EQ(json_number<int>(json::parse("224.0"), "size"), 224);
    EXPECT_EQ(json_number<uint64_t>(json::parse("18446744073709551615"), "offset"), UINT64_MAX);
    EXPECT_EQ(json_number<int64_t>(json::parse("-9223372036854775808"), "n"), INT64_MIN);
    EXPECT_FLOAT_EQ(json_number<float>(json::parse("2.5"), "threshold"), 2.5f);
}

TEST(JsonNumber, RefusesWhatTheTypeCannotHold) {
    for (const char* text : {"1e100", "2147483648", "-2147483649", "1.5"})
        EXPECT_THROW(json_number<int>(json::parse(text), "size"), kensa::Error) << text;
    EXPECT_THROW(json_number<uint64_t>(json::parse("-1"), "offset"), kensa::Error);
    EXPECT_THROW(json_number<uint64_t>(json::parse("1.8446744073709552e19"), "offset"), kensa::Error);  // 2^64
    EXPECT_THROW(json_number<float>(json::parse("1e300"), "threshold"), kensa::Error);
    EXPECT_THROW(json_number<int>(json::parse("\"224\""), "size"), json::type_error);
    try {
        json_number<int>(json::parse("1e100"), "settings.epochs");
    } catch (const kensa::Error& e) {
        EXPECT_EQ(std::string(e.what()), "settings.epochs is out of range (1e+100)");
    }
}
