// A C++17 consumer of an installed callsign: RAII over the C ABI. The
// precomputed key is initialised by a constructor and wiped by the
// destructor; a status other than CALLSIGN_OK becomes an exception.
//
//   raii APP_KEY SECRET_HEX NONCE CREATED_UNIX EXPECTED_X_AKSK
#include <callsign.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

class error : public std::runtime_error {
public:
    explicit error(uint32_t status) : std::runtime_error(callsign_status_str(status)), status_(status) {}
    uint32_t status() const noexcept { return status_; }

private:
    uint32_t status_;
};

inline void check(uint32_t status)
{
    if (status != CALLSIGN_OK) {
        throw error(status);
    }
}

inline const uint8_t *bytes(std::string_view s) noexcept
{
    return reinterpret_cast<const uint8_t *>(s.data());
}

// A precomputed HMAC-SHA256 key (the app secret's): never copied, always wiped.
class hmac_key {
public:
    explicit hmac_key(const std::vector<uint8_t> &secret)
    {
        check(callsign_hmac_key_init(&key_, secret.data(), secret.size()));
    }
    ~hmac_key() { callsign_hmac_key_wipe(&key_); }
    hmac_key(const hmac_key &) = delete;
    hmac_key &operator=(const hmac_key &) = delete;
    const callsign_hmac_key *get() const noexcept { return &key_; }

private:
    callsign_hmac_key key_{}; // zeroed, then initialised: the header's idiom
};

inline std::string x_aksk(const hmac_key &key, std::string_view app_key, std::string_view nonce,
                          uint64_t created_unix)
{
    std::array<char, CALLSIGN_X_AKSK_MAX_LEN> buf{};
    size_t n = 0;
    check(callsign_huawei_voice_x_aksk_with_key(key.get(), bytes(app_key), app_key.size(),
                                                bytes(nonce), nonce.size(), created_unix,
                                                buf.data(), buf.size(), &n));
    return std::string(buf.data(), n);
}

} // namespace cs

int main(int argc, char **argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: raii APP_KEY SECRET_HEX NONCE CREATED_UNIX EXPECTED\n");
        return 2;
    }
    std::string hex = argv[2];
    std::vector<uint8_t> secret;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        secret.push_back(static_cast<uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    try {
        cs::hmac_key key(secret);
        std::string got = cs::x_aksk(key, argv[1], argv[3], std::stoull(argv[4]));
        if (got != argv[5]) {
            std::fprintf(stderr, "raii: got %s\nraii: expected %s\n", got.c_str(), argv[5]);
            return 1;
        }
        // An invalid app key is an exception carrying its status.
        try {
            (void)cs::x_aksk(key, "", argv[3], std::stoull(argv[4]));
            std::fprintf(stderr, "raii: an empty app key was accepted\n");
            return 1;
        } catch (const cs::error &e) {
            if (e.status() != CALLSIGN_INVALID_APP_KEY) {
                std::fprintf(stderr, "raii: empty app key: %s\n", e.what());
                return 1;
            }
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "raii: %s\n", e.what());
        return 1;
    }
    std::printf("raii: ok (C++%ld, callsign %s)\n", static_cast<long>(__cplusplus / 100 % 100),
                CALLSIGN_VERSION_STRING);
    return 0;
}
