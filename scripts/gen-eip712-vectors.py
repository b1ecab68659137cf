#!/usr/bin/env python3
"""Writes Tests/Vectors/eip712-eth-account.json: EIP-712 typed data hashed and signed by
eth_account (pip install eth-account), the reference our TypedData tests compare with.

Each case records the typed data (as a wallet sends it to eth_signTypedData_v4), the
primary type's encodeType and typeHash, the domain separator, hashStruct(message), the
signing digest, and the signature by the public dev key of account 0 of the test
mnemonic. Run from the repository root: python3 scripts/gen-eip712-vectors.py
"""
import json
import pathlib

from eth_account import Account
from eth_account._utils.encode_typed_data.encoding_and_hashing import (
    encode_type,
    hash_domain,
    hash_struct,
    hash_type,
)
from eth_account.messages import _hash_eip191_message, encode_typed_data

DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

DOMAIN_TYPE = [
    {"name": "name", "type": "string"},
    {"name": "version", "type": "string"},
    {"name": "chainId", "type": "uint256"},
    {"name": "verifyingContract", "type": "address"},
    {"name": "salt", "type": "bytes32"},
]

CASES = [
    {
        "name": "eip-712 mail example",
        "typedData": {
            "types": {
                "EIP712Domain": DOMAIN_TYPE[:4],
                "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
                "Mail": [
                    {"name": "from", "type": "Person"},
                    {"name": "to", "type": "Person"},
                    {"name": "contents", "type": "string"},
                ],
            },
            "primaryType": "Mail",
            "domain": {
                "name": "Ether Mail",
                "version": "1",
                "chainId": 1,
                "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC",
            },
            "message": {
                "from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                "contents": "Hello, Bob!",
            },
        },
    },
    {
        "name": "arrays and nested arrays of structs, all five domain fields",
        "typedData": {
            "types": {
                "EIP712Domain": DOMAIN_TYPE,
                "Portfolio": [
                    {"name": "owner", "type": "Person"},
                    {"name": "holdings", "type": "Holding[]"},
                    {"name": "history", "type": "Holding[][]"},
                    {"name": "notes", "type": "string[]"},
                    {"name": "flags", "type": "bool[3]"},
                    {"name": "grid", "type": "uint16[2][]"},
                    {"name": "memo", "type": "bytes"},
                    {"name": "reference", "type": "bytes32"},
                    {"name": "delta", "type": "int64"},
                    {"name": "total", "type": "uint256"},
                ],
                "Holding": [
                    {"name": "isin", "type": "string"},
                    {"name": "amount", "type": "uint256"},
                    {"name": "lots", "type": "Lot[]"},
                ],
                "Lot": [{"name": "price", "type": "uint128"}, {"name": "acquired", "type": "uint64"}],
                "Person": [{"name": "name", "type": "string"}, {"name": "wallets", "type": "address[]"}],
            },
            "primaryType": "Portfolio",
            "domain": {
                "name": "EquityChain",
                "version": "1",
                "chainId": 31337,
                "verifyingContract": "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "salt": "0x" + "5a" * 32,
            },
            "message": {
                "owner": {
                    "name": "Ada",
                    "wallets": [
                        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                    ],
                },
                "holdings": [
                    {
                        "isin": "US0378331005",
                        "amount": "1500000000000000000",
                        "lots": [
                            {"price": "189250000", "acquired": 1700000000},
                            {"price": "0x0b4a4e80", "acquired": 1710000000},
                        ],
                    },
                    {"isin": "US5949181045", "amount": 7, "lots": []},
                ],
                "history": [
                    [],
                    [{"isin": "US67066G1040", "amount": "340282366920938463463374607431768211455", "lots": [
                        {"price": "340282366920938463463374607431768211455", "acquired": 18446744073709551615}
                    ]}],
                ],
                "notes": ["first", "", "ünïcødé ✓"],
                "flags": [True, False, True],
                "grid": [[1, 2], [65535, 0]],
                "memo": "0xdeadbeef",
                "reference": "0x" + "00" * 31 + "01",
                "delta": "-9223372036854775808",
                "total": "115792089237316195423570985008687907853269984665640564039457584007913129639935",
            },
        },
    },
    {
        "name": "recursive struct through a dynamic array, no EIP712Domain in types",
        "typedData": {
            "types": {
                "Node": [
                    {"name": "label", "type": "string"},
                    {"name": "weight", "type": "int8"},
                    {"name": "children", "type": "Node[]"},
                ],
            },
            "primaryType": "Node",
            "domain": {"name": "Tree", "chainId": "0x7a69"},
            "message": {
                "label": "root",
                "weight": -128,
                "children": [
                    {"label": "a", "weight": 127, "children": []},
                    {"label": "b", "weight": -1, "children": [{"label": "b1", "weight": 0, "children": []}]},
                ],
            },
        },
    },
]


def hexstr(b):
    return "0x" + bytes(b).hex()


def main():
    out = []
    for case in CASES:
        data = case["typedData"]
        types = {k: v for k, v in data["types"].items() if k != "EIP712Domain"}
        primary = data["primaryType"]
        signable = encode_typed_data(full_message=data)
        digest = _hash_eip191_message(signable)
        signed = Account.from_key(DEV_KEY).unsafe_sign_hash(digest)
        out.append({
            "name": case["name"],
            "typedData": data,
            "encodeType": encode_type(primary, types),
            "typeHash": hexstr(hash_type(primary, types)),
            "domainSeparator": hexstr(hash_domain(data["domain"])),
            "hashStruct": hexstr(hash_struct(primary, types, data["message"])),
            "digest": hexstr(digest),
            "signer": Account.from_key(DEV_KEY).address,
            "signature": {
                "r": "0x%064x" % signed.r,
                "s": "0x%064x" % signed.s,
                "v": signed.v,
            },
        })
    path = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Vectors" / "eip712-eth-account.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} cases to {path}")


if __name__ == "__main__":
    main()
