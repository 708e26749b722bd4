"""Seeds a server the bench cannot fill in-process (moto): a bucket, COUNT empty keys under PREFIX, one object of SIZE bytes."""
import sys

import boto3

url, bucket, prefix, count, key, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1")
s3.create_bucket(Bucket=bucket)
for index in range(count):
    s3.put_object(Bucket=bucket, Key="%s%05d" % (prefix, index), Body=b"")
s3.put_object(Bucket=bucket, Key=key, Body=b"\0" * size)
